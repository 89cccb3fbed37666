// Scenario approvals: the township Party secretaries approve (同意) their pairing proposals over
// HTTP, first APPROVALS_SERIAL one at a time (the latency of one approval), then the rest
// APPROVALS_IN_FLIGHT at a time; against bare workflows each waiting on one Update, driven the
// same way by the client, on the same server in the same run.
import { randomUUID } from 'node:crypto';
import { ID_PREFIX, log } from './bench-run.js';
import { bareDecide, bareWaiter } from './bare-workflows.js';
import { expectAccounting } from './correctness.js';
import { signIn, type ApiSession } from './http-client.js';
import { runLoad, type LoadResult } from './load.js';
import { APPROVAL_STEP, pairingsWaitingForApproval } from './pairings.js';
import { cpuPerItemRow, reportScenario } from './scenario-report.js';
import { BARE_QUEUE, type Stack } from './stack.js';

const SERIAL = Number(process.env.QINGLAN_BENCH_APPROVALS_SERIAL || 10);
const IN_FLIGHT = Number(process.env.QINGLAN_BENCH_APPROVALS_IN_FLIGHT || 16);

/** One at a time for the first `SERIAL` jobs, then `IN_FLIGHT` at a time. */
async function serialThenConcurrent(n: number, job: (i: number) => Promise<unknown>, what: string) {
  const serial = await runLoad(Math.min(SERIAL, n), 1, job, `${what}, one at a time`);
  const concurrent = await runLoad(
    n - serial.jobs,
    IN_FLIGHT,
    (i) => job(serial.jobs + i),
    `${what}, ${IN_FLIGHT} in flight`,
  );
  return { serial, concurrent };
}

let retried = 0;

/**
 * 同意 as the console sends it. An answer 503 (the engine did not answer within the API's
 * deadline) is sent again with the same request id, as the clerk is told to: it takes effect once.
 */
async function approve(secretary: ApiSession, taskId: number): Promise<void> {
  const body = {
    action: 'approve',
    form: { opinion: '同意' },
    requestId: `bench-${taskId}-${randomUUID().slice(0, 8)}`,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await secretary.call('POST', `/api/tasks/${taskId}/actions`, body);
      return;
    } catch (error) {
      if (!(error instanceof Error && / HTTP 503 /.test(error.message)) || attempt >= 5) throw error;
      retried++;
    }
  }
}

const rate = (r: LoadResult) =>
  `${r.perSecond.toFixed(1)}/s, p50 ${r.p50Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms`;

export async function approvals(stack: Stack) {
  const { db, client } = stack;
  const pairings = await pairingsWaitingForApproval(db, stack.apiUrl);
  const n = pairings.ids.length;
  const secretaries = new Map(
    await Promise.all(pairings.townships.map(async (t) => [t.id, await signIn(stack.apiUrl, t.secretary)] as const)),
  );
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'township_id'])
    .where('process_id', 'in', pairings.ids)
    .where('step_key', '=', APPROVAL_STEP)
    .where('status', '=', 'open')
    .orderBy('id')
    .execute();

  log(`bare baseline: ${n} bareWaiter workflows, each then decided by one Update`);
  const run = randomUUID().slice(0, 6);
  const bareId = (i: number) => `${ID_PREFIX}bare-update-${run}-${i}`;
  await runLoad(
    n,
    8,
    (i) => client.workflow.start(bareWaiter, { taskQueue: BARE_QUEUE, workflowId: bareId(i) }),
    'bare starts',
  );
  const bare = await stack.watched(() =>
    serialThenConcurrent(
      n,
      (i) => client.workflow.getHandle(bareId(i)).executeUpdate(bareDecide, { args: ['approve'] }),
      'bare Updates',
    ),
  );
  log(`bare: one at a time ${rate(bare.result.serial)}; ${IN_FLIGHT} in flight ${rate(bare.result.concurrent)}`);

  log(`measured: ${tasks.length} approvals over HTTP by ${secretaries.size} township Party secretaries`);
  const measured = await stack.watched(() =>
    serialThenConcurrent(
      tasks.length,
      (i) => approve(secretaries.get(tasks[i].township_id!)!, tasks[i].id),
      'approvals',
    ),
  );
  log(
    `measured: one at a time ${rate(measured.result.serial)}; ${IN_FLIGHT} in flight ${rate(measured.result.concurrent)}; ${retried} sent again after a 503`,
  );

  await expectAccounting(db, 'approvals', pairings.ids, {
    processes: n,
    tasks: { [`${APPROVAL_STEP} done`]: n, 'growth-plan.draft open': n, 'exchange.m1 open': n },
    events: { opened: 3 * n, approve: n },
  });

  const m = measured.result;
  const b = bare.result;
  reportScenario(
    'approvals',
    `结对审批 基准 — ${n} pairing approvals over HTTP by ${secretaries.size} township Party secretaries`,
    [
      {
        figure: `throughput, ${IN_FLIGHT} in flight (per s)`,
        qinglan: m.concurrent.perSecond.toFixed(1),
        baseline: b.concurrent.perSecond.toFixed(1),
        ratio: m.concurrent.perSecond / b.concurrent.perSecond,
      },
      {
        figure: `latency p50 / p99, ${IN_FLIGHT} in flight`,
        qinglan: `${m.concurrent.p50Ms.toFixed(0)} / ${m.concurrent.p99Ms.toFixed(0)} ms`,
        baseline: `${b.concurrent.p50Ms.toFixed(0)} / ${b.concurrent.p99Ms.toFixed(0)} ms`,
        ratio: m.concurrent.p50Ms / b.concurrent.p50Ms,
      },
      {
        figure: 'latency p50, one in flight',
        qinglan: `${m.serial.p50Ms.toFixed(0)} ms`,
        baseline: `${b.serial.p50Ms.toFixed(0)} ms`,
        ratio: m.serial.p50Ms / b.serial.p50Ms,
      },
      cpuPerItemRow('approval', measured.cpu, bare.cpu, n),
      {
        figure: 'worker peak RSS',
        qinglan: `${measured.workerPeakRssMiB} MiB`,
        baseline: `${bare.workerPeakRssMiB} MiB`,
      },
    ],
    {
      machine: stack.machine,
      cpu: { measured: measured.cpu, bare: bare.cpu },
      approvals: n,
      sentAgainAfter503: retried,
      inFlight: IN_FLIGHT,
      measured: m,
      bare: b,
      workerPeakRssMiB: { measured: measured.workerPeakRssMiB, bare: bare.workerPeakRssMiB },
      start: { seconds: pairings.seconds, allOpenSeconds: pairings.allOpenSeconds },
    },
  );
}
