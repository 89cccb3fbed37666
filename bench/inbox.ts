// Scenario inbox: 我的待办 over HTTP with INBOX_ROWS task rows in the database (seeded by
// generate_series), CLIENTS clients each asking again as soon as it is answered, for INBOX_SECONDS,
// as a township officer and as a village Party secretary; against GET /api/auth/me by the same
// clients (the API's floor: a signed-in request and one session read). The goal is p99 < 25 ms.
import { sql } from 'kysely';
import { log } from './bench-run.js';
import { signIn, type ApiSession } from './http-client.js';
import { seedTasks } from './inbox-seed.js';
import { runFor, type LoadResult } from './load.js';
import { reportScenario, type Row } from './scenario-report.js';
import type { Stack } from './stack.js';

const ROWS = Number(process.env.QINGLAN_BENCH_INBOX_ROWS || 1_000_000);
const CLIENTS = Number(process.env.QINGLAN_BENCH_INBOX_CLIENTS || 50);
const SECONDS = Number(process.env.QINGLAN_BENCH_INBOX_SECONDS || 20);
const GOAL_P99_MS = 25;
const INBOX = `/api/tasks?filter=${encodeURIComponent('{"mine":true}')}&range=${encodeURIComponent('[0,24]')}`;

async function firstUser(stack: Stack, role: 'township_officer' | 'village_secretary') {
  const row = await stack.db
    .selectFrom('users')
    .select('username')
    .where('role', '=', role)
    .where('active', '=', true)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return signIn(stack.apiUrl, row.username);
}

async function measure(session: ApiSession, path: string): Promise<LoadResult> {
  await runFor(2, CLIENTS, () => session.call('GET', path)); // warm-up
  return runFor(SECONDS, CLIENTS, () => session.call('GET', path));
}

export async function inbox(stack: Stack) {
  const taskRows = await seedTasks(stack.db, ROWS);
  const people = [await firstUser(stack, 'township_officer'), await firstUser(stack, 'village_secretary')];
  const rows: Row[] = [];
  const record: Record<string, unknown> = { machine: stack.machine, taskRows, clients: CLIENTS, seconds: SECONDS };
  for (const person of people) {
    const open = await person.call<unknown[]>('GET', INBOX);
    log(`${person.username}: ${open.length} tasks on the first inbox page; ${CLIENTS} clients for ${SECONDS} s`);
    const inboxLoad = await measure(person, INBOX);
    const floor = await measure(person, '/api/auth/me');
    log(
      `  inbox p50 ${inboxLoad.p50Ms.toFixed(1)} ms, p99 ${inboxLoad.p99Ms.toFixed(1)} ms, ${inboxLoad.perSecond.toFixed(0)}/s; /api/auth/me p50 ${floor.p50Ms.toFixed(1)} ms, p99 ${floor.p99Ms.toFixed(1)} ms`,
    );
    rows.push(
      {
        figure: `${person.username}: inbox p50 / p99`,
        qinglan: `${inboxLoad.p50Ms.toFixed(1)} / ${inboxLoad.p99Ms.toFixed(1)} ms`,
        baseline: `${floor.p50Ms.toFixed(1)} / ${floor.p99Ms.toFixed(1)} ms`,
        ratio: inboxLoad.p99Ms / floor.p99Ms,
      },
      {
        figure: `${person.username}: requests/s`,
        qinglan: inboxLoad.perSecond.toFixed(0),
        baseline: floor.perSecond.toFixed(0),
        ratio: inboxLoad.perSecond / floor.perSecond,
      },
      {
        figure: `${person.username}: p99 against the goal`,
        qinglan: `${inboxLoad.p99Ms.toFixed(1)} ms`,
        baseline: `${GOAL_P99_MS} ms (goal)`,
        ratio: inboxLoad.p99Ms / GOAL_P99_MS,
      },
    );
    record[person.username] = { inbox: inboxLoad, authMe: floor, firstPage: open.length };
  }
  // Nothing written by reading: the seeded rows are all there.
  const { n } = (await sql<{ n: number }>`select count(*)::int as n from tasks`.execute(stack.db)).rows[0];
  if (n !== taskRows) throw new Error(`correctness check after inbox failed: ${n} task rows, expected ${taskRows}`);
  rows.push({ figure: 'API process peak RSS (this process)', qinglan: `${stack.ownRssMiB()} MiB`, baseline: '' });
  reportScenario('inbox', `我的待办 基准 — inbox with ${taskRows} task rows, ${CLIENTS} clients`, rows, record);
}
