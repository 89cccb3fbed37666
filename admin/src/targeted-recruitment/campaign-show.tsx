import AssignmentIcon from '@mui/icons-material/Assignment';
import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/Edit';
import PublishIcon from '@mui/icons-material/Publish';
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    LinearProgress,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Confirm, Link, Title, useGetRecordId, useNotify, usePermissions, useTranslate } from 'react-admin';
import { ProcessLink } from '../reserves/process-link';
import { recruitmentApi, resultsUrl } from './api';
import { ApplicantsTable } from './applicants-table';
import { ApplyDialog } from './apply-dialog';
import { CampaignStatusChip } from './campaign-status-chip';
import { FunnelChart } from './funnel-chart';
import { mayApplyForSelf, mayPlanRecruitment } from './permissions';
import { RulesSummary } from './rules-summary';
import { ScoreImportDialog } from './score-import-dialog';
import type { Campaign } from './types';

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN') : '—');
const tasksOf = (filter: Record<string, string>) => `/tasks?filter=${encodeURIComponent(JSON.stringify(filter))}`;

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Card>
            <CardContent>
                <Typography variant="h6" sx={{ mb: 1 }}>
                    {translate(title)}
                </Typography>
                {children}
            </CardContent>
        </Card>
    );
};

const Places = ({ campaign }: { campaign: Campaign }) => {
    const translate = useTranslate();
    return (
        <Table size="small" className="qinglan-recruitment-places">
            <TableHead>
                <TableRow>
                    <TableCell>{translate('qinglan.recruitment.position_name')}</TableCell>
                    <TableCell>{translate('qinglan.recruitment.kind_label')}</TableCell>
                    <TableCell align="right">{translate('qinglan.recruitment.places')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {campaign.positions.map((p) => (
                    <TableRow key={p.id}>
                        <TableCell>{p.name}</TableCell>
                        <TableCell>{translate(`qinglan.recruitment.kind.${p.kind}`)}</TableCell>
                        <TableCell align="right">{p.places}</TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

/** A campaign: its rules, dates and places, the funnel, the applicants, and what the viewer may do next. */
export const CampaignShow = () => {
    const id = useGetRecordId();
    const translate = useTranslate();
    const notify = useNotify();
    const { permissions } = usePermissions();
    const [confirming, setConfirming] = useState(false);
    // After publishing or applying the workflow answers a moment later: read again until it has.
    const [awaiting, setAwaiting] = useState(false);
    const campaign = useQuery({
        queryKey: ['recruitment-campaign', String(id)],
        queryFn: () => recruitmentApi.one(id),
        refetchInterval: awaiting ? 1000 : false,
    });
    const applicants = useQuery({
        queryKey: ['recruitment-applications', String(id)],
        queryFn: () => recruitmentApi.applications(id),
        enabled: campaign.data?.status !== undefined && campaign.data.status !== 'draft',
        refetchInterval: awaiting ? 1000 : false,
    });
    const refresh = () => {
        setAwaiting(true);
        void campaign.refetch();
        void applicants.refetch();
        setTimeout(() => setAwaiting(false), 10_000);
    };
    const publish = async () => {
        setConfirming(false);
        try {
            await recruitmentApi.publish(id);
            notify('qinglan.recruitment.published', { type: 'success' });
            refresh();
        } catch (e) {
            notify((e as Error).message, { type: 'error' });
        }
    };
    const c = campaign.data;
    if (campaign.error) return <Alert severity="error">{(campaign.error as Error).message}</Alert>;
    if (!c) return <LinearProgress />;
    const planner = mayPlanRecruitment(permissions);
    // open when the campaign was read (the API refuses with 409 once it has closed)
    const windowOpen =
        c.status === 'published' && c.windowEndsAt !== null && campaign.dataUpdatedAt < Date.parse(c.windowEndsAt);
    const applied = (applicants.data ?? []).length > 0;
    return (
        <Box className="qinglan-recruitment-show" data-campaign={c.id} sx={{ p: { xs: 1, sm: 2 } }}>
            <Title title={c.title} />
            <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
                <Typography variant="h5" component="h1" sx={{ mr: 1 }}>
                    {c.title}
                </Typography>
                <CampaignStatusChip status={c.status} />
                <Typography variant="body2" color="text.secondary">
                    {translate('qinglan.recruitment.rules_version', { version: c.rulesVersion })}
                </Typography>
            </Stack>
            <Stack
                direction="row"
                spacing={1}
                useFlexGap
                sx={{ mb: 2, flexWrap: 'wrap', '& .MuiButton-root': { whiteSpace: 'nowrap' } }}
            >
                {planner && c.status === 'draft' && (
                    <>
                        <Button
                            size="small"
                            variant="outlined"
                            component={Link}
                            to={`/targeted-recruitment/${c.id}`}
                            startIcon={<EditIcon />}
                        >
                            {translate('qinglan.recruitment.edit')}
                        </Button>
                        <Button
                            size="small"
                            variant="contained"
                            startIcon={<PublishIcon />}
                            onClick={() => setConfirming(true)}
                            name="publish"
                        >
                            {translate('qinglan.recruitment.publish')}
                        </Button>
                        <Confirm
                            isOpen={confirming}
                            title="qinglan.recruitment.publish_title"
                            content="qinglan.recruitment.publish_content"
                            translateOptions={{ title: c.title }}
                            onConfirm={() => void publish()}
                            onClose={() => setConfirming(false)}
                        />
                    </>
                )}
                {mayApplyForSelf(permissions) && windowOpen && !applied && (
                    <ApplyDialog campaignId={c.id} positions={c.positions} onDone={refresh} />
                )}
                {planner && c.status === 'published' && <ScoreImportDialog campaignId={c.id} onDone={refresh} />}
                {c.status !== 'draft' && (
                    <Button
                        size="small"
                        startIcon={<DownloadIcon />}
                        href={resultsUrl(c.id)}
                        download
                        className="qinglan-recruitment-results"
                        sx={{ textTransform: 'none' }}
                    >
                        {translate('qinglan.recruitment.results')}
                    </Button>
                )}
                {c.workflowId && (
                    <>
                        <ProcessLink processId={c.workflowId} label="qinglan.recruitment.campaign_timeline" />
                        <Button
                            size="small"
                            component={Link}
                            to={tasksOf({ processId: c.workflowId })}
                            startIcon={<AssignmentIcon fontSize="small" />}
                            className="qinglan-recruitment-tasks"
                        >
                            {translate('qinglan.recruitment.campaign_tasks')}
                        </Button>
                        <Button
                            size="small"
                            component={Link}
                            to={tasksOf({ processType: 'recruitment-applicant' })}
                            startIcon={<AssignmentIcon fontSize="small" />}
                        >
                            {translate('qinglan.recruitment.applicant_tasks')}
                        </Button>
                    </>
                )}
            </Stack>
            {campaign.isFetching && <LinearProgress sx={{ mb: 1 }} />}
            <Box
                sx={{
                    display: 'grid',
                    gap: 2,
                    gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' },
                }}
            >
                <Section title="qinglan.recruitment.section_dates">
                    <Table size="small">
                        <TableBody>
                            <TableRow>
                                <TableCell>{translate('qinglan.recruitment.published_at')}</TableCell>
                                <TableCell>{day(c.publishedAt)}</TableCell>
                            </TableRow>
                            <TableRow>
                                <TableCell>{translate('qinglan.recruitment.window_ends')}</TableCell>
                                <TableCell className="qinglan-window-ends">
                                    {c.windowEndsAt
                                        ? day(c.windowEndsAt)
                                        : translate('qinglan.recruitment.days_after_publishing', {
                                              days: c.rules.applicationDays,
                                          })}
                                </TableCell>
                            </TableRow>
                            {c.phase && (
                                <TableRow>
                                    <TableCell>{translate('qinglan.recruitment.phase_label')}</TableCell>
                                    <TableCell className="qinglan-campaign-phase" data-phase={c.phase}>
                                        {translate(`qinglan.recruitment.phase.${c.phase}`, { _: c.phase })}
                                    </TableCell>
                                </TableRow>
                            )}
                            {c.noticeEndsAt && (
                                <TableRow>
                                    <TableCell>{translate('qinglan.recruitment.notice_ends')}</TableCell>
                                    <TableCell className="qinglan-notice-ends">{day(c.noticeEndsAt)}</TableCell>
                                </TableRow>
                            )}
                        </TableBody>
                    </Table>
                    <Typography variant="subtitle2" sx={{ mt: 2 }}>
                        {translate('qinglan.recruitment.positions')}
                    </Typography>
                    <Places campaign={c} />
                </Section>
                <Section title="qinglan.recruitment.funnel">
                    <FunnelChart funnel={c.funnel} />
                </Section>
                <Box sx={{ gridColumn: { md: '1 / -1' } }}>
                    <Section title="qinglan.recruitment.rules_title">
                        <RulesSummary rules={c.rules} />
                    </Section>
                </Box>
                <Box sx={{ gridColumn: { md: '1 / -1' } }}>
                    <Section title="qinglan.recruitment.applicants">
                        {c.status === 'draft' ? (
                            <Typography color="text.secondary">
                                {translate('qinglan.recruitment.draft_no_applicants')}
                            </Typography>
                        ) : applicants.data ? (
                            <ApplicantsTable rows={applicants.data} role={permissions} onChanged={refresh} />
                        ) : (
                            <LinearProgress />
                        )}
                    </Section>
                </Box>
            </Box>
        </Box>
    );
};
