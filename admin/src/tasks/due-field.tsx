import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DateTimeText } from '../common';
import type { Task } from './types';

/** The deadline; in red, marked 已逾期, once it has passed on an open task. */
export const DueDate = ({ task }: { task: Pick<Task, 'dueAt' | 'overdue'> }) => {
    const translate = useTranslate();
    return (
        <Box
            component="span"
            className={task.overdue ? 'qinglan-due qinglan-overdue' : 'qinglan-due'}
            sx={{
                display: 'inline-flex',
                alignItems: 'center',
                gap: 0.5,
                whiteSpace: 'nowrap',
                color: task.overdue ? 'error.main' : 'inherit',
                fontWeight: task.overdue ? 600 : undefined,
            }}
        >
            {task.overdue && <WarningAmberIcon fontSize="small" titleAccess={translate('qinglan.tasks.overdue')} />}
            <DateTimeText value={task.dueAt} />
            {task.overdue && <span>{translate('qinglan.tasks.overdue')}</span>}
        </Box>
    );
};

export const DueField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
    const record = useRecordContext<Task>();
    return record ? <DueDate task={record} /> : null;
};
