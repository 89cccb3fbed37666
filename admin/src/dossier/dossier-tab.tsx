import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocaleState, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { httpClient } from '../http';
import { ProcessLink } from '../reserves/process-link';
import { can } from '../roles';
import { entryDetail, entryTitle } from './dossier-entry-text';
import type { Dossier, DossierEntry } from './types';

const STATUS_KEYS = new Set(['running', 'completed', 'cancelled', 'failed', 'terminated', 'final', 'draft']);

const Entry = ({ entry }: { entry: DossierEntry }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const { permissions } = usePermissions();
    const processType = entry.processType
        ? translate(`qinglan.dossier.process_type.${entry.processType}`, { _: entry.processType })
        : null;
    const detail = entryDetail(entry, translate);
    return (
        <Box
            component="li"
            className="qinglan-dossier-entry"
            data-kind={entry.kind}
            data-process={entry.processId ?? undefined}
            sx={{
                position: 'relative',
                pl: 3,
                pb: 2,
                listStyle: 'none',
                borderLeft: 2,
                borderColor: 'divider',
                '&::before': {
                    content: '""',
                    position: 'absolute',
                    left: -7,
                    top: 4,
                    width: 12,
                    height: 12,
                    borderRadius: '50%',
                    bgcolor: entry.kind === 'process' ? 'primary.main' : 'secondary.main',
                },
            }}
        >
            <Typography variant="caption" color="text.secondary" component="div">
                {new Date(`${entry.on}T00:00:00`).toLocaleDateString(locale)}
            </Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography sx={{ fontWeight: 600 }} className="qinglan-dossier-title">
                    {entryTitle(entry, translate)}
                </Typography>
                {processType && <Chip size="small" variant="outlined" label={processType} />}
                <Chip size="small" label={translate(`qinglan.dossier.role.${entry.role}`, { _: entry.role })} />
                {entry.kind === 'process' && entry.status && STATUS_KEYS.has(entry.status) && (
                    <Chip
                        size="small"
                        color={entry.status === 'running' ? 'info' : 'default'}
                        label={translate(`qinglan.dossier.process_status.${entry.status}`)}
                    />
                )}
            </Stack>
            {detail && (
                <Typography variant="body2" className="qinglan-dossier-detail">
                    {detail}
                </Typography>
            )}
            <Stack direction="row" spacing={1}>
                <ProcessLink processId={entry.processId} label="qinglan.dossier.open_timeline" />
                {entry.kind === 'recruitment_application' && can(permissions, 'targeted-recruitment', 'show') && (
                    <Typography
                        variant="body2"
                        component={Link}
                        to={`/targeted-recruitment/${String(entry.detail.campaignId)}/show`}
                        sx={{ alignSelf: 'center' }}
                        className="qinglan-dossier-campaign"
                    >
                        {translate('qinglan.dossier.open_campaign')}
                    </Typography>
                )}
                {entry.reserveId !== null && can(permissions, 'reserves', 'show') && (
                    <Typography
                        variant="body2"
                        component={Link}
                        to={`/reserves/${entry.reserveId}/show`}
                        sx={{ alignSelf: 'center' }}
                    >
                        {translate('qinglan.dossier.open_reserve')}
                    </Typography>
                )}
            </Stack>
        </Box>
    );
};

/** 档案 (一人一档): everything the person took part in, in time order, each with its process. */
export const DossierTab = (_props: { label?: false }) => {
    const record = useRecordContext<{ id: number }>();
    const translate = useTranslate();
    const { data, error, isPending } = useQuery({
        queryKey: ['dossier', record?.id],
        enabled: record?.id != null,
        retry: false,
        queryFn: async () => (await httpClient(`/api/people/${record!.id}/dossier`)).json as Dossier,
    });
    if (isPending) return <LinearProgress />;
    if (error) return <Alert severity="error">{error.message}</Alert>;
    if (data.entries.length === 0)
        return (
            <Typography color="text.secondary" className="qinglan-dossier-empty">
                {translate('qinglan.dossier.empty')}
            </Typography>
        );
    return (
        <Box component="ol" className="qinglan-dossier" sx={{ m: 0, p: 0, pl: 1 }}>
            {data.entries.map((entry, index) => (
                <Entry key={index} entry={entry} />
            ))}
        </Box>
    );
};
