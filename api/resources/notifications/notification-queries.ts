import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import type { ListQuery } from '../list-query.js';

export interface NotificationFilterValues {
  unread?: boolean;
  kind?: string;
  id?: number | number[];
}

export const NOTIFICATION_SORTS = ['id', 'createdAt', 'readAt', 'kind'] as const;
type NotificationSort = (typeof NOTIFICATION_SORTS)[number];
const SORT_COLUMNS = {
  id: 'n.id',
  createdAt: 'n.created_at',
  readAt: 'n.read_at',
  kind: 'n.kind',
} as const satisfies Record<NotificationSort, string>;

const isoTime = <T extends string | null>(column: string) =>
  sql<T>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A user's own notifications: nobody reads another's bell, whatever their role. */
function own(db: DB, userId: number) {
  return db.selectFrom('notifications as n').where('n.user_id', '=', userId);
}

function selectNotification(query: ReturnType<typeof own>) {
  return query.select([
    sql<number>`n.id::int`.as('id'),
    'n.kind',
    'n.title',
    'n.body',
    'n.link',
    'n.task_id as taskId',
    isoTime<string>('n.created_at').as('createdAt'),
    isoTime<string | null>('n.read_at').as('readAt'),
  ]);
}

export async function listNotifications(
  db: DB,
  userId: number,
  list: ListQuery<NotificationFilterValues, NotificationSort>,
) {
  let filtered = own(db, userId);
  const f = list.filter;
  if (f.unread !== undefined) filtered = filtered.where('n.read_at', f.unread ? 'is' : 'is not', null);
  if (f.kind) filtered = filtered.where('n.kind', '=', f.kind);
  if (f.id !== undefined) filtered = filtered.where('n.id', 'in', ([] as number[]).concat(f.id).map(String));
  const [rows, total] = await Promise.all([
    selectNotification(filtered)
      .orderBy(sql.ref(SORT_COLUMNS[list.sort.field]), list.sort.order)
      .orderBy('n.id', 'desc')
      .offset(list.offset)
      .limit(list.limit)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function getNotification(db: DB, userId: number, id: number) {
  return selectNotification(own(db, userId).where('n.id', '=', String(id))).executeTakeFirst();
}

export async function countUnread(db: DB, userId: number): Promise<number> {
  const row = await own(db, userId)
    .where('n.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks one as read; the first reading time is kept. False when it is not the user's. */
export async function markRead(db: DB, userId: number, id: number): Promise<boolean> {
  const updated = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('user_id', '=', userId)
    .where('id', '=', String(id))
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function markAllRead(db: DB, userId: number): Promise<number> {
  const updated = await db
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows);
}
