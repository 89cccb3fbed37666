// Scenario inbox: 我的待办 over HTTP with INBOX_ROWS task rows in the database (seeded by
// generate_series), as a township officer and as a village Party secretary, by CLIENTS clients in
// a process of their own, two ways: each asking again as soon as answered for INBOX_SECONDS (what
// the API can answer), and each asking every EVERY_MS (what a clerk waits at that pace). Against
// GET /api/auth/me by the same clients (the API's floor: a signed-in request and one session read).
// The goal is p99 < 25 ms.
import { sql } from 'kysely';
import { log } from './bench-run.js';
import { signIn, type ApiSession } from './http-client.js';
import { measureLoad, type MeasuredLoad } from './inbox-load.js';
import { seedTasks } from './inbox-seed.js';
import { reportScenario, type Row } from './scenario-report.js';
import type { Stack } from './stack.js';

const ROWS = Number(process.env.QINGLAN_BENCH_INBOX_ROWS || 1_000_000);
const CLIENTS = Number(process.env.QINGLAN_BENCH_INBOX_CLIENTS || 50);
const SECONDS = Number(process.env.QINGLAN_BENCH_INBOX_SECONDS || 20);
const EVERY_MS = Number(process.env.QINGLAN_BENCH_INBOX_EVERY_MS || 1000);
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

function measure(stack: Stack, session: ApiSession, path: string, everyMs?: number): Promise<MeasuredLoad> {
  return measureLoad(stack, {
    url: `${stack.apiUrl}${path}`,
    token: session.token,
    clients: CLIENTS,
    seconds: SECONDS,
    everyMs,
  });
}

const latency = (l: MeasuredLoad) => `${l.p50Ms.toFixed(1)} / ${l.p99Ms.toFixed(1)} ms`;
const cpu = (l: MeasuredLoad) =>
  `${l.cpuMs.api.toFixed(2)} / ${l.cpuMs.postgres.toFixed(2)} / ${l.cpuMs.client.toFixed(2)}`;
const cpuTotal = (l: MeasuredLoad) => l.cpuMs.api + l.cpuMs.postgres + l.cpuMs.client;

export async function inbox(stack: Stack) {
  const taskRows = await seedTasks(stack.db, ROWS);
  const people = [await firstUser(stack, 'township_officer'), await firstUser(stack, 'village_secretary')];
  const rows: Row[] = [];
  const record: Record<string, unknown> = {
    machine: stack.machine,
    taskRows,
    clients: CLIENTS,
    seconds: SECONDS,
    everyMs: EVERY_MS,
  };
  for (const person of people) {
    const open = await person.call<unknown[]>('GET', INBOX);
    log(`${person.username}: ${open.length} tasks on the first inbox page; ${CLIENTS} clients for ${SECONDS} s`);
    const inboxLoad = await measure(stack, person, INBOX);
    const floor = await measure(stack, person, '/api/auth/me');
    log(
      `  as fast as answered: inbox ${latency(inboxLoad)}, ${inboxLoad.perSecond.toFixed(0)}/s; floor ${latency(floor)}`,
    );
    const inboxPaced = await measure(stack, person, INBOX, EVERY_MS);
    const floorPaced = await measure(stack, person, '/api/auth/me', EVERY_MS);
    log(`  each client every ${EVERY_MS} ms: inbox ${latency(inboxPaced)}; floor ${latency(floorPaced)}`);
    const who = person.username;
    rows.push(
      {
        figure: `${who}, asking as soon as answered: p50 / p99`,
        qinglan: latency(inboxLoad),
        baseline: latency(floor),
        ratio: inboxLoad.p99Ms / floor.p99Ms,
      },
      {
        figure: `${who}: requests/s`,
        qinglan: inboxLoad.perSecond.toFixed(0),
        baseline: floor.perSecond.toFixed(0),
        ratio: inboxLoad.perSecond / floor.perSecond,
      },
      {
        figure: `${who}: CPU ms per request: API / PostgreSQL / clients`,
        qinglan: cpu(inboxLoad),
        baseline: cpu(floor),
        ratio: cpuTotal(inboxLoad) / cpuTotal(floor),
      },
      {
        figure: `${who}, each client every ${EVERY_MS} ms: p50 / p99`,
        qinglan: latency(inboxPaced),
        baseline: latency(floorPaced),
        ratio: inboxPaced.p99Ms / floorPaced.p99Ms,
      },
      {
        figure: `${who}, every ${EVERY_MS} ms: p99 against the goal`,
        qinglan: `${inboxPaced.p99Ms.toFixed(1)} ms`,
        baseline: `${GOAL_P99_MS} ms (goal)`,
        ratio: inboxPaced.p99Ms / GOAL_P99_MS,
      },
    );
    record[who] = { inbox: inboxLoad, authMe: floor, inboxPaced, authMePaced: floorPaced, firstPage: open.length };
  }
  // Nothing written by reading: the seeded rows are all there.
  const { n } = (await sql<{ n: number }>`select count(*)::int as n from tasks`.execute(stack.db)).rows[0];
  if (n !== taskRows) throw new Error(`correctness check after inbox failed: ${n} task rows, expected ${taskRows}`);
  rows.push({
    figure: "API process peak RSS (the benchmark's own)",
    qinglan: `${stack.ownRssMiB()} MiB`,
    baseline: '',
  });
  reportScenario('inbox', `我的待办 基准 — inbox with ${taskRows} task rows, ${CLIENTS} clients`, rows, record);
}
