// What the scenarios (approvals, bulk-start, inbox) run on: the servers and the demo county as
// the assessment-start benchmark sets them up, the production worker in its own process with a
// second worker for the bare-Temporal baseline, and the real API served on a loopback port in
// this process, as clerks reach it over HTTP.
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { createApp } from '../api/app.js';
import { connectTemporal } from '../api/temporal/connect-temporal.js';
import { createDatabase } from '../db/database.js';
import { freePort } from '../test/support/free-port.js';
import { ID_PREFIX, NAMESPACE, TASK_QUEUE, log, mib, secondsSince } from './bench-run.js';
import { addCleanup } from './cleanup.js';
import { loadCounty } from './county.js';
import { cpuBetween, cpuSnapshot, machineFacts, resetHwm, vmHwm } from './process-accounting.js';
import { startServices } from './services.js';
import { MemoryWindow, startWorkerProcess } from './worker-handle.js';

export const BARE_QUEUE = `${TASK_QUEUE}-bare`;

export async function startStack(options: { worker: boolean }) {
  const machine = machineFacts();
  const { database, temporal, pids, temporalCli } = await startServices();
  machine.temporalCli = temporalCli;
  const county = await loadCounty(database.url);
  machine.postgres = county.postgresVersion;

  let worker: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
  if (options.worker) {
    log('starting one worker in a child process, and the bare baseline worker beside it');
    const t = performance.now();
    worker = await startWorkerProcess({
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: NAMESPACE,
      QINGLAN_TASK_QUEUE: TASK_QUEUE,
      QINGLAN_BENCH_BARE_QUEUE: BARE_QUEUE,
    });
    pids.worker = worker.child.pid;
    log(`worker ready in ${secondsSince(t).toFixed(1)} s (pid ${pids.worker})`);
  }

  const db = createDatabase(database.url, { max: 10 });
  addCleanup('the API database pool', () => db.destroy());
  const handle = await connectTemporal({
    address: temporal.address,
    namespace: NAMESPACE,
    taskQueue: TASK_QUEUE,
    idPrefix: ID_PREFIX,
  });
  // The Temporal connections are not closed: a call still retrying on a closed channel throws;
  // the process's exit ends them.
  const app = createApp({ db, temporal: handle, logger: pino({ level: 'silent' }) });
  const port = await freePort();
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  addCleanup('the API', () => new Promise<void>((resolve) => server.close(() => resolve())));
  const apiUrl = `http://127.0.0.1:${port}`;
  log(`API on ${apiUrl}`);

  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: NAMESPACE });

  /**
   * Runs a phase with the worker's memory watched (its peak RSS, sampled and the kernel's) and
   * the CPU each part used: where a step's cost goes, Temporal, the worker, the API or PostgreSQL.
   */
  async function watched<T>(run: () => Promise<T>) {
    const window = new MemoryWindow();
    const reset = resetHwm(pids.worker);
    worker?.watch(window);
    const before = cpuSnapshot(pids);
    const result = await run();
    const cpu = cpuBetween(before, cpuSnapshot(pids));
    worker?.watch(undefined);
    const memory = window.summary(reset ? vmHwm(pids.worker) : undefined);
    return { result, cpu, workerPeakRssMiB: memory.kernelPeakRssMiB ?? memory.peakRssMiB };
  }

  return {
    machine,
    database,
    temporal,
    pids,
    county,
    db,
    apiUrl,
    client,
    watched,
    ownRssMiB: () => mib(process.memoryUsage().rss),
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
