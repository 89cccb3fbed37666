import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TaskStatus } from './types';

const COLORS = { open: 'primary', done: 'success', cancelled: 'default' } as const;

export const TaskStatusChip = ({ status }: { status: TaskStatus }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            variant={status === 'open' ? 'filled' : 'outlined'}
            color={COLORS[status] ?? 'default'}
            label={translate(`qinglan.task_status.${status}`, { _: status })}
        />
    );
};

export const TaskStatusField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
    const record = useRecordContext<{ status: TaskStatus }>();
    return record ? <TaskStatusChip status={record.status} /> : null;
};
