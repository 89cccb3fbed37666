// Running timed jobs a fixed number at a time, and reading their latencies.
import { BenchFailure, TIMEOUT_MS, secondsSince } from './bench-run.js';

export interface LoadResult {
  jobs: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarise(latencies: number[], concurrency: number, seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    jobs: latencies.length,
    concurrency,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
  };
}

/** Runs `job(i)` for i < n, `concurrency` at a time; fails the run past the timeout. */
export async function runLoad(
  n: number,
  concurrency: number,
  job: (i: number) => Promise<unknown>,
  what: string,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const deadline = Date.now() + TIMEOUT_MS;
  const t0 = performance.now();
  const lane = async () => {
    while (next < n) {
      const i = next++;
      if (Date.now() > deadline) throw new BenchFailure(`TIMEOUT: ${what}: ${latencies.length} / ${n} done`);
      const t = performance.now();
      await job(i);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
  return summarise(latencies, concurrency, secondsSince(t0));
}

/** Runs `job` from `clients` lanes until `seconds` have passed, each lane one request at a time. */
export async function runFor(seconds: number, clients: number, job: () => Promise<unknown>): Promise<LoadResult> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  const lane = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      await job();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: clients }, lane));
  return summarise(latencies, clients, secondsSince(t0));
}

/**
 * `clients` clients, each asking every `everyMs` (its first at a random offset), for `seconds`:
 * load as people make it, at a rate the server does not set. A latency counts from when the
 * request was due, so an answer that keeps a client waiting past its next turn is not hidden.
 */
export async function runPaced(
  seconds: number,
  clients: number,
  everyMs: number,
  job: () => Promise<unknown>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const lane = async () => {
    let due = t0 + Math.random() * everyMs;
    while (due < end) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await job();
      latencies.push(performance.now() - due);
      due += everyMs;
    }
  };
  await Promise.all(Array.from({ length: clients }, lane));
  return summarise(latencies, clients, secondsSince(t0));
}
