// Failed sign-ins are counted from the audit log, so the limit holds across API replicas
// and restarts without another store.
//
// No hard lock: a lock on the account alone let anyone lock the county admin out with five
// wrong passwords. Instead each key may fail a few times freely, then must wait before the
// next try, the wait doubling with each further failure (exponential backoff, 429 with
// Retry-After). The keys: this account from this address (the one a guesser hits), the address
// alone (one address trying many accounts), and the account from anywhere, which allows many
// failures and short waits so that strangers can slow the owner down but not keep them out.
import { sql } from 'kysely';
import type { DB } from '../../db/database.js';

export const LOGIN_WINDOW_MINUTES = 15;

interface Limit {
  /** Failures in the window before any wait. */
  free: number;
  /** The wait after the first failure past `free`, doubling after each further one. */
  firstWaitSeconds: number;
  maxWaitSeconds: number;
}

export const LIMITS = {
  accountFromAddress: { free: 5, firstWaitSeconds: 2, maxWaitSeconds: LOGIN_WINDOW_MINUTES * 60 },
  address: { free: 30, firstWaitSeconds: 2, maxWaitSeconds: LOGIN_WINDOW_MINUTES * 60 },
  account: { free: 50, firstWaitSeconds: 1, maxWaitSeconds: 60 },
} as const satisfies Record<string, Limit>;

/** Kept for callers that count the free tries of one guesser. */
export const MAX_FAILURES_PER_USERNAME = LIMITS.accountFromAddress.free;

/** Seconds to wait after `failures` failures, 0 while still free. */
export function backoffSeconds(limit: Limit, failures: number): number {
  if (failures < limit.free) return 0;
  return Math.min(limit.maxWaitSeconds, limit.firstWaitSeconds * 2 ** Math.min(failures - limit.free, 20));
}

async function failuresSince(db: DB, where: { username?: string; ip?: string | null }) {
  const since = sql<Date>`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`;
  let q = db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where('action', '=', 'login.failed')
    .where('at', '>', since);
  if (where.username !== undefined) q = q.where('username', '=', where.username);
  if (where.ip !== undefined) q = where.ip === null ? q.where('ip', 'is', null) : q.where('ip', '=', where.ip);
  // A successful sign-in of the account starts its count afresh.
  if (where.username !== undefined) {
    q = q.where(({ eb, selectFrom }) =>
      eb(
        'at',
        '>',
        selectFrom('audit_log')
          .select((e) => e.fn.coalesce(e.fn.max('at'), sql<Date>`'-infinity'::timestamptz`).as('t'))
          .where('action', '=', 'login.succeeded')
          .where('username', '=', where.username!),
      ),
    );
  }
  const row = await q.executeTakeFirstOrThrow();
  return { n: Number(row.n), last: row.last ? new Date(row.last as never) : null };
}

/** Seconds before this sign-in may be tried, 0 when it may be tried now. */
export async function loginRetryAfter(db: DB, username: string, ip: string | null): Promise<number> {
  const checks: [Limit, { username?: string; ip?: string | null }][] = [
    [LIMITS.accountFromAddress, { username, ip }],
    [LIMITS.account, { username }],
  ];
  // An in-process request has no address; a real one always has.
  if (ip !== null) checks.push([LIMITS.address, { ip }]);
  let wait = 0;
  for (const [limit, where] of checks) {
    const { n, last } = await failuresSince(db, where);
    const seconds = backoffSeconds(limit, n);
    if (seconds === 0 || !last) continue;
    const left = Math.ceil((last.getTime() + seconds * 1000 - Date.now()) / 1000);
    wait = Math.max(wait, left);
  }
  return wait;
}
