// Scenario bulk-start: the township officers of TOWNSHIPS townships start their newly elected
// cadres' mentor pairings over HTTP (整乡发起), one request per township, all at once; against
// as many bare workflows started by the client, as many at a time as there are townships.
import { randomUUID } from 'node:crypto';
import { ID_PREFIX, log } from './bench-run.js';
import { bareWaiter } from './bare-workflows.js';
import { expectAccounting } from './correctness.js';
import { runLoad } from './load.js';
import { APPROVAL_STEP, pairingsWaitingForApproval } from './pairings.js';
import { cpuPerItemRow, reportScenario } from './scenario-report.js';
import { BARE_QUEUE, type Stack } from './stack.js';

export async function bulkStart(stack: Stack) {
  const { db, client } = stack;
  const measured = await stack.watched(() => pairingsWaitingForApproval(db, stack.apiUrl));
  const m = measured.result;
  const n = m.ids.length;
  await expectAccounting(db, 'bulk-start', m.ids, {
    processes: n,
    tasks: { [`${APPROVAL_STEP} open`]: n },
    events: { opened: n },
  });

  log(`bare baseline: ${n} bareWaiter workflows started, ${m.townships.length} at a time`);
  const run = randomUUID().slice(0, 6);
  const bare = await stack.watched(() =>
    runLoad(
      n,
      m.townships.length,
      (i) =>
        client.workflow.start(bareWaiter, { taskQueue: BARE_QUEUE, workflowId: `${ID_PREFIX}bare-start-${run}-${i}` }),
      'bare starts',
    ),
  );
  const qinglanRate = n / m.seconds;
  reportScenario(
    'bulk-start',
    `整乡发起 基准 — bulk start of mentor pairings, ${m.townships.length} townships, ${n} pairings`,
    [
      {
        figure: 'starts/s (HTTP, until every answer)',
        qinglan: `${qinglanRate.toFixed(1)} (${m.seconds.toFixed(1)} s)`,
        baseline: `${bare.result.perSecond.toFixed(1)} (${bare.result.seconds.toFixed(1)} s)`,
        ratio: qinglanRate / bare.result.perSecond,
      },
      {
        figure: 'pairings in the inbox/s (until every approval task is open)',
        qinglan: `${(n / m.allOpenSeconds).toFixed(1)} (${m.allOpenSeconds.toFixed(1)} s)`,
        baseline: `${bare.result.perSecond.toFixed(1)}`,
        ratio: n / m.allOpenSeconds / bare.result.perSecond,
      },
      cpuPerItemRow('start', measured.cpu, bare.cpu, n),
      {
        figure: 'worker peak RSS',
        qinglan: `${measured.workerPeakRssMiB} MiB`,
        baseline: `${bare.workerPeakRssMiB} MiB`,
      },
    ],
    {
      machine: stack.machine,
      cpu: { measured: measured.cpu, bare: bare.cpu },
      pairings: n,
      skipped: m.skipped,
      measured: { ...m, t0: undefined, ids: undefined, workerPeakRssMiB: measured.workerPeakRssMiB },
      bare: bare.result,
      bareWorkerPeakRssMiB: bare.workerPeakRssMiB,
    },
  );
}
