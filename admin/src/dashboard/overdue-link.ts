import type { Identifier } from 'react-admin';

/** The task list showing a township's overdue tasks. */
export const overdueTasksPath = (townshipId?: Identifier) =>
    `/tasks?filter=${encodeURIComponent(JSON.stringify({ mine: false, overdue: true, ...(townshipId ? { townshipId } : {}) }))}`;
