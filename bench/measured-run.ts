// The measured run: assessmentCycle for every township, from the start call until every cadre's
// 述职自评 task ('self-report') is open in the `tasks` table.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import type { DB } from '../db/database.js';
import { ANNUAL_ASSESSMENT } from '../workflows/annual-assessment/annual-assessment-definition.js';
import { assessmentCycle } from '../workflows/annual-assessment/assessment-cycle-workflow.js';
import { DEFAULT_RUBRIC } from '../workflows/annual-assessment/rubric.js';
import {
  BenchFailure,
  ID_PREFIX,
  POLL_MS,
  PROGRESS_MS,
  SELF_REPORT,
  TASK_QUEUE,
  TIMEOUT_MS,
  YEAR,
  log,
  secondsSince,
} from './bench-run.js';

export async function measuredRun(
  client: Client,
  db: DB,
  expected: number,
  startedBy: number | null,
  signal: { failed?: Error },
) {
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
  if (before !== 0)
    throw new BenchFailure(`${before} open self-report tasks before the start; the database is not fresh`);

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
    if (launcherError)
      throw new BenchFailure(`assessmentCycle failed: ${String((launcherError as Error).message ?? launcherError)}`);
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
