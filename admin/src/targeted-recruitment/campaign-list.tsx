import AddIcon from '@mui/icons-material/Add';
import {
    Alert,
    Box,
    Button,
    Card,
    LinearProgress,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Title, usePermissions, useTranslate } from 'react-admin';
import { recruitmentApi } from './api';
import { CampaignStatusChip } from './campaign-status-chip';
import { mayPlanRecruitment } from './permissions';

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN') : '—');

/** 定向考录: the campaigns, newest first; drafts for the county only (the API leaves them out for others). */
export const CampaignList = () => {
    const translate = useTranslate();
    const { permissions } = usePermissions();
    const { data, error, isPending } = useQuery({ queryKey: ['recruitment-campaigns'], queryFn: recruitmentApi.list });
    return (
        <Box className="qinglan-recruitment-list" sx={{ p: { xs: 1, sm: 2 } }}>
            <Title title={translate('qinglan.recruitment.title')} />
            <Stack direction="row" spacing={1} sx={{ mb: 2, justifyContent: 'flex-end' }}>
                {mayPlanRecruitment(permissions) && (
                    <Button
                        variant="contained"
                        component={Link}
                        to="/targeted-recruitment/create"
                        startIcon={<AddIcon />}
                        name="create-campaign"
                    >
                        {translate('qinglan.recruitment.create')}
                    </Button>
                )}
            </Stack>
            {isPending && <LinearProgress />}
            {error && <Alert severity="error">{(error as Error).message}</Alert>}
            {data && data.length === 0 && <Alert severity="info">{translate('qinglan.recruitment.none')}</Alert>}
            {data && data.length > 0 && (
                <Card sx={{ overflowX: 'auto' }}>
                    <Table size="small" className="qinglan-campaigns">
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('qinglan.recruitment.campaign_title')}</TableCell>
                                <TableCell>{translate('qinglan.recruitment.year')}</TableCell>
                                <TableCell>{translate('qinglan.recruitment.places')}</TableCell>
                                <TableCell>{translate('qinglan.recruitment.status')}</TableCell>
                                <TableCell>{translate('qinglan.recruitment.published_at')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {data.map((c) => (
                                <TableRow key={c.id} hover data-campaign={c.id}>
                                    <TableCell>
                                        <Link to={`/targeted-recruitment/${c.id}/show`}>{c.title}</Link>
                                    </TableCell>
                                    <TableCell>{c.year}</TableCell>
                                    <TableCell>{c.places}</TableCell>
                                    <TableCell>
                                        <CampaignStatusChip status={c.status} />
                                    </TableCell>
                                    <TableCell>{day(c.publishedAt)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </Card>
            )}
        </Box>
    );
};
