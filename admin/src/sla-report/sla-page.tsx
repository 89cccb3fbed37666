import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Card, CardContent, LinearProgress, MenuItem, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { httpClient } from '../http';
import { useProcessTypeChoices } from '../processes/use-definitions';
import { SlaChart } from './sla-chart';
import { SlaTable } from './sla-table';
import { slaQuery, type SlaFilter, type SlaReport } from './types';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 时效报表: per township and step, how many tasks wait, are late, and how long deciding takes. */
export const SlaPage = () => {
    const translate = useTranslate();
    const types = useProcessTypeChoices();
    const [filter, setFilter] = useState<SlaFilter>(() => ({
        processType: 'mentor-pairing',
        from: `${today().slice(0, 4)}-01-01`,
        to: today(),
    }));
    const query = slaQuery(filter);
    const { data, error, isPending } = useQuery({
        queryKey: ['sla-report', query],
        retry: false,
        queryFn: async () => (await httpClient(`/api/reports/sla?${query}`)).json as SlaReport,
    });
    const set = (key: keyof SlaFilter) => (event: { target: { value: string } }) =>
        setFilter((f) => ({ ...f, [key]: event.target.value }));
    return (
        <Box className="qinglan-sla-report" sx={{ py: 2, minWidth: 0, maxWidth: '100%' }}>
            <Title title={translate('qinglan.sla.title')} />
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
                <TextField
                    select
                    size="small"
                    name="processType"
                    label={translate('qinglan.sla.process_type')}
                    value={types.length ? filter.processType : ''}
                    onChange={set('processType')}
                    fullWidth={false}
                    sx={{ width: 200 }}
                >
                    {types.map((t) => (
                        <MenuItem key={t.id} value={t.id}>
                            {t.name}
                        </MenuItem>
                    ))}
                </TextField>
                {(['from', 'to'] as const).map((key) => (
                    <TextField
                        key={key}
                        type="date"
                        size="small"
                        name={key}
                        label={translate(`qinglan.sla.${key}`)}
                        value={filter[key]}
                        onChange={set(key)}
                        fullWidth={false}
                        sx={{ width: 170 }}
                        slotProps={{ inputLabel: { shrink: true } }}
                    />
                ))}
                <Button
                    variant="outlined"
                    startIcon={<DownloadIcon />}
                    href={`/api/reports/sla.xlsx?${query}`}
                    download
                    className="qinglan-sla-export"
                >
                    {translate('qinglan.sla.export')}
                </Button>
            </Box>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {translate('qinglan.sla.note')}
            </Typography>
            {isPending && <LinearProgress />}
            {error && <Alert severity="error">{error.message}</Alert>}
            {data && data.rows.length === 0 && <Alert severity="info">{translate('qinglan.sla.none')}</Alert>}
            {data && data.rows.length > 0 && (
                <>
                    <Card sx={{ mb: 2 }}>
                        <CardContent>
                            <Typography variant="h6" component="h2" gutterBottom>
                                {translate('qinglan.sla.chart')}
                            </Typography>
                            <SlaChart rows={data.rows} />
                        </CardContent>
                    </Card>
                    {/* The layout's content grows with its widest child: on a phone the table scrolls in its card instead. */}
                    <Card sx={{ maxWidth: { xs: 'calc(100vw - 16px)', sm: '100%' }, overflowX: 'auto' }}>
                        <SlaTable rows={data.rows} />
                    </Card>
                </>
            )}
        </Box>
    );
};
