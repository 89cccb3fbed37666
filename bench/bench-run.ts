// What every part of the benchmark shares: its settings, its clock and log line, and the error
// that ends a run with a plain message instead of a stack.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoDir = path.resolve(benchDir, '..');
export const YEAR = 2026;
export const ID_PREFIX = 'bench-';
export const TASK_QUEUE = 'qinglan-bench';
export const NAMESPACE = 'default';
export const SELF_REPORT = 'self-report';
export const BATCH = 500;
export const POLL_MS = 250;
export const PROGRESS_MS = 5_000;
export const TIMEOUT_MS = Number(process.env.QINGLAN_BENCH_TIMEOUT_MINUTES || 20) * 60_000;
export const PROBE_CONCURRENCY = Number(process.env.QINGLAN_BENCH_PROBE_CONCURRENCY || 50);
const MiB = 1024 * 1024;
/** 'sqlite' (default, as npm start keeps it) or 'memory', to see what the file costs. */
export const TEMPORAL_STORE = process.env.QINGLAN_BENCH_TEMPORAL_STORE === 'memory' ? 'memory' : 'sqlite';

let started = Date.now();

/** Starts the run's clock, the zero of every log line and the result's `at`. The entry calls it
 * once its imports have loaded, so loading the code is not counted. */
export function startClock(): void {
  started = Date.now();
}

export const startedAt = () => started;
export const log = (line: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}`);
export const secondsSince = (t: number) => (performance.now() - t) / 1000;

export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
export const mib = (bytes: number | undefined) => (bytes === undefined ? undefined : round(bytes / MiB, 1));

/** A failure the benchmark explains itself: its message is printed without a stack. */
export class BenchFailure extends Error {}
