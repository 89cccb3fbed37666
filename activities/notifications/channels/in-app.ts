// The console's bell: one row per notification key and user. The unique (key, user) pair is
// what makes a retried activity harmless here, and the durable record of who was reached.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

export interface InAppMessage {
  key: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  taskId: number | null;
}

/** Whether any user already has a notification with this key (a retry or a repeat). */
export async function keyAlreadyDelivered(db: Kysely<Database>, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('notification_key', '=', key)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts the rows that are missing; returns the users whose row is new in this call. */
export async function insertInApp(
  db: Kysely<Database>,
  message: InAppMessage,
  userIds: readonly number[],
): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const inserted = await db
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        notification_key: message.key,
        user_id: userId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        link: message.link,
        task_id: message.taskId,
      })),
    )
    .onConflict((oc) => oc.columns(['notification_key', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return new Set(inserted.map((r) => r.user_id));
}
