// Mentor pairings as a township officer starts them (整乡发起) over HTTP, and waiting until their
// first tasks are in the inbox: what the bulk-start and approvals scenarios share.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/database.js';
import type { Database, Role } from '../db/schema.js';
import { BenchFailure, POLL_MS, TIMEOUT_MS, log, secondsSince } from './bench-run.js';
import { signIn } from './http-client.js';

export const TOWNSHIPS = Number(process.env.QINGLAN_BENCH_TOWNSHIPS || 6);
export const APPROVAL_STEP = 'proposal.approval';

/** The first active account of a role in the township row `t`, as a correlated subquery. */
const firstAccount = (eb: ExpressionBuilder<Database & { t: Database['townships'] }, 't'>, role: Role) =>
  eb
    .selectFrom('users as u')
    .select('u.username')
    .whereRef('u.township_id', '=', 't.id')
    .where('u.role', '=', role)
    .where('u.active', '=', true)
    .orderBy('u.id')
    .limit(1);

/** The first `TOWNSHIPS` townships, each with its officer's and Party secretary's account. */
export async function benchTownships(db: DB) {
  const rows = await db
    .selectFrom('townships as t')
    .select([
      't.id',
      (eb) => firstAccount(eb, 'township_officer').as('officer'),
      (eb) => firstAccount(eb, 'township_secretary').as('secretary'),
    ])
    .orderBy('t.id')
    .limit(TOWNSHIPS)
    .execute();
  return rows.map((r) => ({ id: r.id, officer: r.officer!, secretary: r.secretary! }));
}

/** Every township's officer starts the township's pairings at once, one request each. */
export async function startPairingsOverHttp(apiUrl: string, townships: { id: number; officer: string }[]) {
  const sessions = await Promise.all(townships.map((t) => signIn(apiUrl, t.officer)));
  const t0 = performance.now();
  const answers = await Promise.all(
    townships.map((t, i) =>
      sessions[i].call<{ started: { id: string }[]; skipped: unknown[] }>(
        'POST',
        '/api/processes/mentor-pairing/bulk',
        {
          townshipId: t.id,
        },
      ),
    ),
  );
  const seconds = secondsSince(t0);
  const ids = answers.flatMap((a) => a.started.map((s) => s.id));
  const skipped = answers.reduce((n, a) => n + a.skipped.length, 0);
  return { ids, skipped, seconds, t0 };
}

/** Waits until `expected` tasks of the step are open among these processes; seconds since `t0`. */
export async function waitForOpenTasks(db: DB, ids: string[], step: string, expected: number, t0: number) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const { n } = await db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('process_id', 'in', ids.length ? ids : [''])
      .where('step_key', '=', step)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    if (Number(n) >= expected) return secondsSince(t0);
    if (Date.now() > deadline) throw new BenchFailure(`TIMEOUT: ${n} / ${expected} ${step} tasks open`);
    await sleep(POLL_MS);
  }
}

export async function pairingsWaitingForApproval(db: DB, apiUrl: string) {
  const townships = await benchTownships(db);
  log(`starting the mentor pairings of ${townships.length} townships over HTTP (整乡发起)`);
  const started = await startPairingsOverHttp(apiUrl, townships);
  const allOpen = await waitForOpenTasks(db, started.ids, APPROVAL_STEP, started.ids.length, started.t0);
  log(
    `${started.ids.length} pairings started in ${started.seconds.toFixed(1)} s, every approval task open after ${allOpen.toFixed(1)} s`,
  );
  return { townships, ...started, allOpenSeconds: allOpen };
}
