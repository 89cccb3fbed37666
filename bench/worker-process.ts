// One worker for the benchmark, in its own process so its memory is measured apart from the
// benchmark's own. Started by bench/assessment-start.ts with an IPC channel; it reports
// `process.memoryUsage()` every second and on request, and stops when the parent says so or
// goes away.
//
// By default the worker is the production one (worker/create-worker.ts, database pool as in
// worker/main.ts). QINGLAN_BENCH_WORKER_OPTIONS (JSON, e.g. '{"maxConcurrentActivityTaskExecutions":200}')
// creates the Worker directly with the same workflows and activities plus those options;
// QINGLAN_BENCH_DB_POOL sets the size of the worker's database pool.
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import { loadSettings } from '../config/settings.js';
import { createDatabase } from '../db/database.js';
import { createWorker } from '../worker/create-worker.js';
import { workflowSources } from '../worker/workflow-sources.js';

const require = createRequire(import.meta.url);

export type WorkerMessage =
  | { type: 'ready'; options: Record<string, unknown>; dbPool: number | null }
  | {
      type: 'memory';
      at: number;
      rss: number;
      heapTotal: number;
      heapUsed: number;
      external: number;
      arrayBuffers: number;
    }
  | { type: 'error'; message: string };

const send = (message: WorkerMessage) => {
  if (process.connected) process.send!(message);
};

const databaseUrl = process.env.DATABASE_URL;
const address = process.env.TEMPORAL_ADDRESS;
const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
const taskQueue = process.env.QINGLAN_TASK_QUEUE;
if (!databaseUrl || !address || !taskQueue || !process.send) {
  console.error(
    'bench/worker-process.ts is started by bench/assessment-start.ts (needs DATABASE_URL, TEMPORAL_ADDRESS, QINGLAN_TASK_QUEUE and an IPC channel)',
  );
  process.exit(2);
}

// The SDK's info lines (bundler statistics) would drown the benchmark's table.
Runtime.install({ logger: new DefaultLogger('WARN') });

const extraOptions = JSON.parse(process.env.QINGLAN_BENCH_WORKER_OPTIONS || '{}') as Partial<WorkerOptions>;
const dbPool = process.env.QINGLAN_BENCH_DB_POOL ? Number(process.env.QINGLAN_BENCH_DB_POOL) : undefined;
// Ctrl-C reaches PostgreSQL with the terminal's signal and it drops every pooled connection
// at once: one line says so, not one per connection.
let idleErrors = 0;
const onIdleError = (error: Error) => {
  if (idleErrors++ === 0) console.warn(`worker: database connection lost while idle: ${error.message}`);
};
const db = createDatabase(databaseUrl, { ...(dbPool ? { max: dbPool } : {}), onIdleError });

function reportMemory() {
  const m = process.memoryUsage();
  send({
    type: 'memory',
    at: Date.now(),
    rss: m.rss,
    heapTotal: m.heapTotal,
    heapUsed: m.heapUsed,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
  });
}

let worker: Worker;
let connection: NativeConnection;
// The scenarios' bare-Temporal baseline (bench/bare-workflows.ts), on its own task queue.
let bareWorker: Worker | undefined;
const bareQueue = process.env.QINGLAN_BENCH_BARE_QUEUE;
// What the run used beyond the SDK's defaults, for the report.
let reported: Record<string, unknown> = extraOptions as Record<string, unknown>;
try {
  if (Object.keys(extraOptions).length === 0) {
    // The production worker, sized as `npm start` sizes it (QINGLAN_WORKER_MAX_CACHED_WORKFLOWS).
    const maxCachedWorkflows = loadSettings().workerMaxCachedWorkflows;
    ({ worker, connection } = await createWorker({ db, address, namespace, taskQueue, maxCachedWorkflows }));
    reported = {
      maxCachedWorkflows,
      heapLimitMiB: Math.round(v8.getHeapStatistics().heap_size_limit / 1024 / 1024),
      production: true,
    };
  } else {
    connection = await NativeConnection.connect({ address });
    worker = await Worker.create({
      connection,
      namespace,
      taskQueue,
      ...workflowSources,
      activities: createActivities({ db }),
      ...extraOptions,
    });
  }
  if (bareQueue)
    bareWorker = await Worker.create({
      connection,
      namespace,
      taskQueue: bareQueue,
      workflowsPath: require.resolve('./bare-workflows.ts'),
    });
} catch (error) {
  send({ type: 'error', message: String((error as Error).stack ?? error) });
  process.exit(1);
}

const timer = setInterval(reportMemory, 1000);
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'memory?') reportMemory();
  if (message?.type === 'stop') stop();
});
process.once('disconnect', stop);
function stop() {
  for (const w of [worker, bareWorker]) if (w?.getState() === 'RUNNING') w.shutdown();
}

const running = Promise.all([worker.run(), bareWorker?.run()]);
send({ type: 'ready', options: reported, dbPool: dbPool ?? null });
reportMemory();
let code = 0;
try {
  await running;
} catch (error) {
  console.error(`worker failed: ${String((error as Error).stack ?? error)}`);
  code = 1;
}
clearInterval(timer);
await connection.close().catch(() => {});
await db.destroy().catch(() => {});
// The SDK's native runtime keeps the event loop alive; the work is done, so leave.
process.exit(code);
