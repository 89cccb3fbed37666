// The work the faults land on: mentor pairings waiting for their approval (结对审批), approved
// over HTTP in slices while the faults go on, and the annual assessment started for the county
// (or one township), whose cadres' first tasks are still opening when the first fault hits.
import { randomUUID } from 'node:crypto';
import type { DB } from '../db/database.js';
import { listCadres } from '../bench/county.js';
import { APPROVAL_STEP, benchTownships, waitForOpenTasks } from '../bench/pairings.js';
import { RetryingClient, type Sent } from './retrying-client.js';

export const DRILL_YEAR = 2031;
export const SELF_REPORT = 'self-report';

export interface Township {
  id: number;
  officer: string;
  secretary: string;
}

export async function drillTownships(db: DB, count: number): Promise<Township[]> {
  return (await benchTownships(db)).slice(0, count);
}

/** Every township's officer starts its pairings (整乡发起); resolves when each approval task is open. */
export async function pairingsWaitingForApproval(db: DB, apiUrl: string, townships: Township[]) {
  const ids: string[] = [];
  for (const t of townships) {
    const officer = await RetryingClient.signIn(apiUrl, t.officer);
    const answer = await officer.post('/api/processes/mentor-pairing/bulk', { townshipId: t.id });
    if (answer.status !== 200) throw new Error(`整乡发起 in township ${t.id}: HTTP ${answer.status}`);
    ids.push(...(answer.body as { started: { id: string }[] }).started.map((s) => s.id));
  }
  await waitForOpenTasks(db, ids, APPROVAL_STEP, ids.length, performance.now());
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'township_id', 'process_id'])
    .where('process_id', 'in', ids)
    .where('step_key', '=', APPROVAL_STEP)
    .where('status', '=', 'open')
    .orderBy('id')
    .execute();
  return { ids, tasks };
}

export interface Approval {
  taskId: number;
  processId: string;
  secretaryUserId: number;
  sent?: Sent;
}

/** The township Party secretaries, signed in once before the faults. */
export async function secretaryClients(apiUrl: string, townships: Township[]) {
  const clients = new Map<number, RetryingClient>();
  for (const t of townships) clients.set(t.id, await RetryingClient.signIn(apiUrl, t.secretary));
  return clients;
}

/** 同意 as the console sends it: one request id per approval, kept across its retries. */
export async function approve(client: RetryingClient, approval: Approval): Promise<void> {
  const requestId = `chaos-${approval.taskId}-${randomUUID().slice(0, 8)}`;
  approval.sent = await client.post(
    `/api/tasks/${approval.taskId}/actions`,
    { action: 'approve', form: { opinion: '同意' }, requestId },
    requestId,
  );
}

/** Runs `job` over `items`, `lanes` at a time. */
export async function inLanes<T>(items: T[], lanes: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await job(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
}

/** The cadres whose first assessment task the start owes: those holding a position, with an account. */
export async function cadresOwed(db: DB, townshipIds: number[] | undefined) {
  const cadres = await listCadres(db);
  return cadres.filter((c) => c.userId !== null && (!townshipIds || townshipIds.includes(c.townshipId)));
}

/** Open self-report tasks of the drill's year so far. */
export async function selfReportsOpen(db: DB): Promise<number> {
  const { n } = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('process_id', 'like', `annual-assessment-${DRILL_YEAR}-%`)
    .where('step_key', '=', SELF_REPORT)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(n);
}
