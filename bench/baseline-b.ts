// Baseline B, the engine floor: N trivial workflows (healthProbe, one activity each) started and
// completed through the same worker, a fixed number at a time.
import type { Client } from '@temporalio/client';
import { healthProbe } from '../workflows/health-probe/health-probe-workflow.js';
import {
  BenchFailure,
  ID_PREFIX,
  PROBE_CONCURRENCY,
  PROGRESS_MS,
  TASK_QUEUE,
  TIMEOUT_MS,
  log,
  secondsSince,
} from './bench-run.js';

export async function baselineB(client: Client, n: number, signal: { failed?: Error }) {
  let next = 0;
  let done = 0;
  const t0 = performance.now();
  let lastProgress = t0;
  const deadline = Date.now() + TIMEOUT_MS;
  const lane = async () => {
    while (next < n && !signal.failed) {
      const i = next++;
      if (Date.now() > deadline) {
        signal.failed = new BenchFailure(
          `TIMEOUT: baseline B not done within ${TIMEOUT_MS / 60_000} minutes (${done} / ${n} probes completed)`,
        );
        throw signal.failed;
      }
      await client.workflow.execute(healthProbe, {
        taskQueue: TASK_QUEUE,
        workflowId: `${ID_PREFIX}probe-${i}`,
        args: [`probe-${i}`],
      });
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
