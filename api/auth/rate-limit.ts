// Failed sign-ins are counted from the audit log, so the limit holds across API replicas
// and restarts without another store.
import { sql } from 'kysely';
import type { DB } from '../../db/database.js';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 30;

export async function loginLocked(db: DB, username: string, ip: string | null): Promise<boolean> {
  const since = sql<Date>`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`;
  const byName = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'login.failed')
    .where('username', '=', username)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (byName.n >= MAX_FAILURES_PER_USERNAME) return true;
  if (!ip) return false;
  const byIp = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'login.failed')
    .where('ip', '=', ip)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return byIp.n >= MAX_FAILURES_PER_IP;
}
