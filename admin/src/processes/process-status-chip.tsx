import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Process, ProcessStatus } from './types';

const COLORS: Record<ProcessStatus, 'primary' | 'success' | 'error' | 'warning' | 'default'> = {
    running: 'primary',
    incident: 'warning',
    completed: 'success',
    rejected: 'error',
    ended_early: 'warning',
    cancelled: 'default',
    terminated: 'error',
    failed: 'error',
    timed_out: 'error',
};

export const ProcessStatusChip = ({ status }: { status: ProcessStatus }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            className="qinglan-process-status"
            data-status={status}
            color={COLORS[status] ?? 'default'}
            label={translate(`qinglan.process_status.${status}`, { _: status })}
        />
    );
};

export const ProcessStatusField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
    const record = useRecordContext<Process>();
    return record ? <ProcessStatusChip status={record.status} /> : null;
};

/** Overdue tasks of the process, in red when there are any. */
export const OverdueTasksField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
    const record = useRecordContext<Process>();
    if (!record) return null;
    return record.overdueTasks > 0 ? (
        <Chip size="small" color="error" label={record.overdueTasks} className="qinglan-overdue" />
    ) : (
        <span>0</span>
    );
};

/** The process type in the console's language. */
export const ProcessTypeField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
    const record = useRecordContext<Process>();
    const translate = useTranslate();
    return record ? <span>{translate(`qinglan.process_type.${record.type}`, { _: record.type })}</span> : null;
};
