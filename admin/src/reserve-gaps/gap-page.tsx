import { Alert, Box, Card, CardActionArea, CardContent, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Title, useLocaleState, useTranslate } from 'react-admin';
import { httpClient } from '../http';
import { GapChart } from './gap-chart';
import { GapTable } from './gap-table';
import { gapListPath, GAP_COLORS, GAP_KEYS, type GapKey, type ReserveGaps } from './types';

const TotalCard = ({ gap, value }: { gap: GapKey; value: number }) => {
    const translate = useTranslate();
    const path = gapListPath(gap);
    const body = (
        <CardContent>
            <Typography variant="body2" color="text.secondary">
                {translate(`qinglan.gaps.${gap}`)}
            </Typography>
            <Typography variant="h4" component="p" sx={{ color: value > 0 ? GAP_COLORS[gap] : 'text.primary' }}>
                {value}
            </Typography>
        </CardContent>
    );
    return (
        <Card className="qinglan-gap-total" data-gap={gap} sx={{ borderTop: 3, borderColor: GAP_COLORS[gap] }}>
            {path ? (
                <CardActionArea component={Link} to={path}>
                    {body}
                </CardActionArea>
            ) : (
                body
            )}
        </Card>
    );
};

/** 后备干部缺口: per township, what falls short of the county's rules. The API scopes the townships. */
export const GapPage = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { data, error, isPending } = useQuery({
        queryKey: ['reserve-gaps'],
        retry: false,
        queryFn: async () => (await httpClient('/api/reserves/gaps')).json as ReserveGaps,
    });
    return (
        // minWidth 0: the wide table scrolls inside its card instead of widening a phone's page
        <Box className="qinglan-reserve-gaps" sx={{ py: 2, minWidth: 0, maxWidth: '100%' }}>
            <Title title={translate('qinglan.gaps.title')} />
            {isPending && <LinearProgress />}
            {error && <Alert severity="error">{error.message}</Alert>}
            {data && (
                <>
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                        {translate('qinglan.gaps.as_of', {
                            day: new Date(`${data.asOf}T00:00:00`).toLocaleDateString(locale),
                            target: data.targetPerVillage,
                        })}
                    </Typography>
                    <Box
                        sx={{
                            display: 'grid',
                            gap: 2,
                            mb: 2,
                            gridTemplateColumns: { xs: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' },
                        }}
                    >
                        {GAP_KEYS.map((gap) => (
                            <TotalCard key={gap} gap={gap} value={data.totals[gap]} />
                        ))}
                    </Box>
                    {data.townships.length === 0 ? (
                        <Alert severity="info">{translate('qinglan.gaps.none')}</Alert>
                    ) : (
                        <>
                            <Card sx={{ mb: 2 }}>
                                <CardContent>
                                    <Typography variant="h6" component="h2" gutterBottom>
                                        {translate('qinglan.gaps.chart')}
                                    </Typography>
                                    <GapChart rows={data.townships} />
                                </CardContent>
                            </Card>
                            <Card>
                                <CardContent>
                                    <Box sx={{ overflowX: 'auto', maxWidth: { xs: 'calc(100vw - 64px)', sm: '100%' } }}>
                                        <GapTable rows={data.townships} totals={data.totals} />
                                    </Box>
                                </CardContent>
                            </Card>
                        </>
                    )}
                </>
            )}
        </Box>
    );
};
