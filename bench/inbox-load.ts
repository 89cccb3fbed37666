// Runs the inbox scenario's clients in their own process (load-process.ts) and reads what the
// run cost each part: the API (this process), PostgreSQL, and the clients themselves.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BenchFailure, benchDir } from './bench-run.js';
import type { LoadOutcome, LoadPlan } from './load-process.js';
import type { LoadResult } from './load.js';
import type { Stack } from './stack.js';

export interface MeasuredLoad extends LoadResult {
  /** CPU milliseconds per request. */
  cpuMs: { api: number; postgres: number; client: number };
}

function runClients(plan: LoadPlan): Promise<LoadOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(benchDir, 'load-process.ts'), JSON.stringify(plan)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as LoadOutcome)
        : reject(new BenchFailure(`load clients exited with ${code}`)),
    );
  });
}

export async function measureLoad(stack: Stack, plan: LoadPlan): Promise<MeasuredLoad> {
  const { result, cpu } = await stack.watched(() => runClients(plan));
  // The server's CPU covers the warm-up's requests too; the clients' covers the run alone.
  const served = result.result.jobs + result.warmUpJobs;
  const ms = (seconds: number, n: number) => (seconds * 1000) / n;
  return {
    ...result.result,
    cpuMs: {
      api: ms(cpu.cpuSeconds.bench, served),
      postgres: ms(cpu.cpuSeconds.postgres, served),
      client: ms(result.clientCpuSeconds, result.result.jobs),
    },
  };
}
