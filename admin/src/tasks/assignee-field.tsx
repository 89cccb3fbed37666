import { useRecordContext, useTranslate } from 'react-admin';
import type { Task } from './types';

/** The assignee's name, or the role that holds the task (乡镇党委书记) when it waits on a role. */
export const useAssigneeLabel = (task: Pick<Task, 'assigneeName' | 'assigneeRole'> | undefined): string => {
    const translate = useTranslate();
    if (!task) return '';
    if (task.assigneeName) return task.assigneeName;
    return task.assigneeRole ? translate(`qinglan.roles.${task.assigneeRole}`, { _: task.assigneeRole }) : '—';
};

export const AssigneeField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
    const record = useRecordContext<Task>();
    return <span>{useAssigneeLabel(record)}</span>;
};
