// The fault drill: the product started by its own start command on a fresh data folder, the
// county's annual assessment started and a burst of pairing approvals sent over HTTP, and
// while that work is under way each part killed in turn: the worker, the Temporal dev server,
// PostgreSQL (immediate mode) and the API with requests in flight. The start command restarts
// each; the drill then counts from the database and Temporal what the work left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { createDatabase, type DB } from '../db/database.js';
import { cadreAssessmentId } from '../workflows/annual-assessment/annual-assessment-definition.js';
import * as checks from './checks.js';
import { FAULTS, inject, type FaultResult } from './faults.js';
import { allUp, sampleHealth } from './health.js';
import { launchProduct, stopProduct, type Product } from './product.js';
import { RetryingClient } from './retrying-client.js';
import {
  approve,
  cadresOwed,
  drillTownships,
  DRILL_YEAR,
  inLanes,
  pairingsWaitingForApproval,
  secretaryClients,
  selfReportsOpen,
  type Approval,
} from './workload.js';

export type DrillSize = 'township' | 'county';

export interface DrillResult {
  size: DrillSize;
  faults: (FaultResult & { firstTasksOpenAtKill: number; approvalsInSlice: number })[];
  figures: (checks.Figure & { retried?: number; notDelivered?: number })[];
  cadres: number;
  approvals: number;
  seconds: number;
}

const WAIT_MS = 20 * 60_000;
/** Townships whose pairings are approved during the faults: one, or the benchmark's six. */
const APPROVAL_TOWNSHIPS = { township: 1, county: 6 };
const APPROVAL_LANES = 8;

async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

export async function runDrill(size: DrillSize, log: (line: string) => void): Promise<DrillResult> {
  const t0 = Date.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglan-chaos-'));
  fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when started as root
  let product: Product | undefined;
  let db: DB | undefined;
  let connection: Connection | undefined;
  // Ctrl-C during the drill stops the product it started, then the drill.
  const onCtrlC = () => void (product ? stopProduct(product) : Promise.resolve()).finally(() => process.exit(130));
  process.once('SIGINT', onCtrlC);
  try {
    log(`starting the product (npm start) on a fresh data folder ${dataDir}`);
    product = await launchProduct(dataDir, { firstStart: true, env: { QINGLAN_DEMO_WORK: 'off' } });
    const apiUrl = `http://127.0.0.1:${product.ports.PORT}`;
    await until('the health probe all up', async () => (allUp(await sampleHealth(apiUrl)) ? true : undefined));
    db = createDatabase(`postgres://qinglan:qinglan@127.0.0.1:${product.ports.QINGLAN_PG_PORT}/qinglan`, {
      max: 2,
      onIdleError: () => {}, // PostgreSQL is stopped on purpose
    });

    const townships = await drillTownships(db, APPROVAL_TOWNSHIPS[size]);
    log(`starting the mentor pairings of ${townships.length} township(s) (整乡发起), before the faults`);
    const pairings = await pairingsWaitingForApproval(db, apiUrl, townships);
    const secretaries = await secretaryClients(apiUrl, townships);
    const secretaryIds = new Map(
      (
        await db
          .selectFrom('users')
          .select(['id', 'username'])
          .where(
            'username',
            'in',
            townships.map((t) => t.secretary),
          )
          .execute()
      ).map((u) => [u.username, u.id]),
    );
    const approvals: (Approval & { townshipId: number })[] = pairings.tasks.map((t) => {
      const township = townships.find((x) => x.id === t.township_id)!;
      return {
        taskId: t.id,
        processId: t.process_id,
        townshipId: township.id,
        secretaryUserId: secretaryIds.get(township.secretary)!,
      };
    });
    log(`${approvals.length} pairing approvals waiting`);

    const assessmentTownships = size === 'township' ? [townships[0].id] : undefined;
    const cadres = await cadresOwed(db, assessmentTownships);
    const admin = await RetryingClient.signIn(apiUrl, 'admin');
    log(
      `starting the ${DRILL_YEAR} annual assessment for ${assessmentTownships ? 'one township' : 'the county'}: ${cadres.length} cadres owed a first task`,
    );
    // The API answers once every township's cycle has started: minutes for the county.
    const assessment = admin.post(
      '/api/processes/annual-assessment/start',
      { year: DRILL_YEAR, ...(assessmentTownships ? { townshipIds: assessmentTownships } : {}) },
      undefined,
      WAIT_MS,
    );
    await until('the first self-report task', async () => ((await selfReportsOpen(db!)) > 0 ? true : undefined));

    // The approvals in as many slices as there are faults: each slice goes out as its fault hits.
    const per = Math.ceil(approvals.length / FAULTS.length);
    const inFlight: Promise<void>[] = [];
    const faults: DrillResult['faults'] = [];
    for (const [i, fault] of FAULTS.entries()) {
      const slice = approvals.slice(i * per, (i + 1) * per);
      inFlight.push(inLanes(slice, APPROVAL_LANES, (a) => approve(secretaries.get(a.townshipId)!, a)));
      const firstTasksOpenAtKill = await selfReportsOpen(db).catch(() => -1);
      log(
        `fault ${i + 1}/${FAULTS.length}: ${fault.what} (${slice.length} approvals going out, ${firstTasksOpenAtKill}/${cadres.length} first tasks open)`,
      );
      const result = await inject(product, dataDir, fault, apiUrl);
      log(
        `  recovered: restarted after ${result.restartedSeconds} s, health ok after ${result.healthOkSeconds} s, a workflow round trip after ${result.roundTripSeconds} s; health said: ${result.healthSaid.join(', ') || 'nothing'}`,
      );
      faults.push({ ...result, firstTasksOpenAtKill, approvalsInSlice: slice.length });
    }

    log('waiting for the work to finish');
    await Promise.all(inFlight);
    await until(`${cadres.length} open first tasks`, async () =>
      (await selfReportsOpen(db!)) >= cadres.length ? true : undefined,
    );
    // The start's answer waits for every township's cycle; what counts is its effect, above.
    // An answer that came is checked against the audit log; one still on its way is left.
    await Promise.race([assessment, sleep(5_000)]);
    const pairingSteps = await until('the approved pairings’ next steps', async () => {
      const f = await checks.nextSteps(db!, pairings.ids);
      return f.ok === f.owed || f.duplicated > 0 ? f : undefined;
    });

    connection = await Connection.connect({ address: `127.0.0.1:${product.ports.QINGLAN_TEMPORAL_PORT}` });
    const client = new Client({ connection });
    const cadreIds = cadres.map((c) => cadreAssessmentId('', DRILL_YEAR, c.personId));
    const processIds = [...cadreIds, ...pairings.ids];
    // Late writes (an event or notification after its task row) settle before the counts.
    await until(
      'the timeline and notifications to settle',
      async () => {
        const [a, b] = [await checks.timeline(db!, processIds), await checks.notifications(db!, processIds)];
        return a.lost + b.lost === 0 ? true : undefined;
      },
      30_000,
    ).catch(() => undefined);
    const figures: DrillResult['figures'] = [
      await checks.firstTasks(
        db,
        cadres.map((c) => c.personId),
      ),
      await checks.approvalsOnce(db, approvals),
      pairingSteps,
      await checks.timeline(db, processIds),
      await checks.notifications(db, processIds),
      await checks.audit(db, admin.sent, pairings.ids),
      await checks.processStates(db, client, new Map(processIds.map((id) => [id, 'running']))),
    ];
    return {
      size,
      faults,
      figures,
      cadres: cadres.length,
      approvals: approvals.length,
      seconds: (Date.now() - t0) / 1000,
    };
  } finally {
    process.off('SIGINT', onCtrlC);
    await connection?.close().catch(() => undefined);
    await db?.destroy().catch(() => undefined);
    if (product) {
      log('stopping the product (Ctrl-C)');
      await stopProduct(product);
      // What every part printed, for reading what happened during a fault.
      const kept = path.join(os.tmpdir(), `qinglan-chaos-${new Date(t0).toISOString().replace(/[:.]/g, '-')}.log`);
      fs.writeFileSync(kept, product.output());
      log(`the product's output is kept in ${kept}`);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Every way the drill can fail: a figure not 0 where it must be, an outage the probe did not show. */
export function problemsOf(result: DrillResult): string[] {
  const problems: string[] = [];
  for (const f of result.figures) {
    if (f.lost || f.duplicated || f.ok !== f.owed)
      problems.push(`${f.check}: ${f.ok}/${f.owed} ok, ${f.lost} lost, ${f.duplicated} duplicated`);
    if (f.notDelivered) problems.push(`${f.check}: ${f.notDelivered} deliveries failed or refused`);
  }
  for (const f of result.faults)
    if (f.fault.healthShows && f.healthSaid.length === 0)
      problems.push(`${f.fault.what}: the health probe never showed the outage`);
  return problems;
}
