// The worker in its own process (bench/worker-process.ts): starting it, collecting the memory it
// reports per phase, and ending a phase at once when the worker dies.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { loadSettings } from '../config/settings.js';
import { stopChild } from '../runtime/stop-child.js';
import { BenchFailure, benchDir, mib, repoDir } from './bench-run.js';
import { addCleanup, addLastResort, isStopping } from './cleanup.js';
import type { WorkerMessage } from './worker-process.js';

type Memory = Extract<WorkerMessage, { type: 'memory' }>;

/** The peaks of the worker's memory reports while it is watched, for one phase. */
export class MemoryWindow {
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
    return {
      peakRssMiB: mib(this.peakRss),
      peakHeapUsedMiB: mib(this.peakHeapUsed),
      peakHeapTotalMiB: mib(this.peakHeapTotal),
      kernelPeakRssMiB: mib(hwm),
      samples: this.samples,
    };
  }
}

export type MemorySummary = ReturnType<MemoryWindow['summary']>;

/** QINGLAN_BENCH_CPU_PROFILE=<folder>: the worker writes V8 CPU profiles there (one per thread) when it stops. */
function cpuProfile(): string[] {
  const dir = process.env.QINGLAN_BENCH_CPU_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

export function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<{
  child: ChildProcess;
  last: () => Memory | undefined;
  watch: (w: MemoryWindow | undefined) => void;
  ready: Extract<WorkerMessage, { type: 'ready' }>;
}> {
  // The heap limit npm start gives its worker (QINGLAN_WORKER_HEAP_MIB).
  const heap = `--max-old-space-size=${loadSettings().workerHeapMiB}`;
  const child = spawn(
    process.execPath,
    [heap, ...cpuProfile(), '--import', 'tsx', path.join(benchDir, 'worker-process.ts')],
    {
      cwd: repoDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Its own process group: Ctrl-C comes here, and the worker is stopped before the server.
      detached: true,
    },
  );
  let last: Memory | undefined;
  let window: MemoryWindow | undefined;
  addLastResort(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  addCleanup('the worker', () => stopChild(child));
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
      if (!isStopping()) {
        const why = `the worker process exited (${signal ?? `code ${code}`})`;
        reject(new BenchFailure(why));
        failNow?.(new BenchFailure(why));
      }
    });
  });
}

/** Set while a phase runs: a dead worker ends the phase at once instead of at the timeout. */
let failNow: ((error: Error) => void) | undefined;

export function phase<T>(run: (signal: { failed?: Error }) => Promise<T>): Promise<T> {
  const signal: { failed?: Error } = {};
  return new Promise<T>((resolve, reject) => {
    failNow = (error) => {
      signal.failed = error;
      reject(error);
    };
    run(signal).then(resolve, reject);
  }).finally(() => (failNow = undefined));
}
