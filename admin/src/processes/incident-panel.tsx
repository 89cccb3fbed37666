import BlockIcon from '@mui/icons-material/Block';
import ReplayIcon from '@mui/icons-material/Replay';
import { Alert, AlertTitle, Box, Button as MuiButton, Typography } from '@mui/material';
import { useDataProvider, useGetIdentity, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { usePendingCall } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import { ReasonActionButton } from './reason-action-button';
import { useStepName } from './step-label';
import type { ProcessDetail, ProcessIncident } from './types';

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

const Line = ({ label, children }: { label: string; children: React.ReactNode }) => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" component="div" sx={{ wordBreak: 'break-word' }}>
            <strong>{translate(label)}：</strong>
            {children}
        </Typography>
    );
};

/**
 * 状态 异常: the activity the process waits on after it failed past its retries — its step,
 * the error, tries and time — with 重试 (county admin, the township's officer) and 取消流程
 * (the county admin, or the officer who started the process).
 */
export const IncidentPanel = ({ process, incident }: { process: ProcessDetail; incident: ProcessIncident }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const { permissions } = usePermissions();
    const { identity } = useGetIdentity();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const stepName = useStepName(process.type);
    const { run, pending } = usePendingCall();
    const mayRetry = permissions === 'county_admin' || permissions === 'township_officer';
    const mayCancel =
        permissions === 'county_admin' ||
        (permissions === 'township_officer' && identity?.id != null && identity.id === process.startedBy);

    const retry = async () => {
        if (!(await run(() => dataProvider.retryIncident(process.id)))) return;
        notify('qinglan.processes.incident_retried', { type: 'success' });
        refresh();
    };

    return (
        <Alert severity="warning" className="qinglan-incident" sx={{ mb: 2 }}>
            <AlertTitle>{translate('qinglan.processes.incident_title')}</AlertTitle>
            {incident.step && <Line label="qinglan.processes.incident_step">{stepName.byKey(incident.step)}</Line>}
            <Line label="qinglan.processes.incident_error">
                <span className="qinglan-incident-error">{incident.errorMessage}</span>
            </Line>
            <Line label="qinglan.processes.incident_attempts">
                {incident.attempts ?? translate('qinglan.processes.incident_attempts_unknown')}
            </Line>
            <Line label="qinglan.processes.incident_time">
                {time(incident.firstFailedAt)} – {time(incident.failedAt)}
            </Line>
            <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
                {mayRetry && (
                    // A labelled button at every width: on a phone react-admin's would show the icon alone.
                    <MuiButton
                        variant="contained"
                        size="small"
                        startIcon={<ReplayIcon />}
                        onClick={retry}
                        disabled={pending}
                        className="qinglan-incident-retry"
                    >
                        {translate('qinglan.processes.incident_retry')}
                    </MuiButton>
                )}
                {mayCancel && (
                    <ReasonActionButton
                        label="qinglan.processes.incident_cancel"
                        icon={<BlockIcon />}
                        content="qinglan.processes.incident_cancel_hint"
                        success="qinglan.processes.cancelled"
                        className="qinglan-incident-cancel"
                        run={(reason) => dataProvider.cancelIncident(process.id, reason)}
                    />
                )}
            </Box>
        </Alert>
    );
};
