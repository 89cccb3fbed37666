import type { RaRecord } from 'react-admin';

/** One of the signed-in user's notifications (消息). */
export interface AppNotification extends RaRecord {
    kind: string;
    title: string;
    body: string;
    /** A console path, e.g. /tasks/12/show. */
    link: string | null;
    taskId: number | null;
    createdAt: string;
    readAt: string | null;
}
