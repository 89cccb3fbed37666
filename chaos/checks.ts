// What the drill checks once the faults are over, from the database and from Temporal: each
// figure is a count that must be 0 (lost, duplicated, wrong) or equal to what was owed.
import { sql } from 'kysely';
import type { Client } from '@temporalio/client';
import type { DB } from '../db/database.js';
import { APPROVAL_STEP } from '../bench/pairings.js';
import { accountFor } from '../bench/correctness.js';
import { cadreAssessmentId } from '../workflows/annual-assessment/annual-assessment-definition.js';
import { DRILL_YEAR, SELF_REPORT, type Approval } from './workload.js';
import type { Sent } from './retrying-client.js';

export interface Figure {
  check: string;
  owed: number;
  ok: number;
  lost: number;
  duplicated: number;
}

const n = async (db: DB, query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(db)).rows[0].n);

/** Every cadre owed a first task has exactly one, open; no task key twice. */
export async function firstTasks(db: DB, personIds: number[]): Promise<Figure> {
  const ids = personIds.map((p) => cadreAssessmentId('', DRILL_YEAR, p));
  const rows = await db
    .selectFrom('tasks')
    .select(['process_id', 'status', (eb) => eb.fn.countAll<number>().as('k')])
    .where('process_id', 'in', ids.length ? ids : [''])
    .where('step_key', '=', SELF_REPORT)
    .groupBy(['process_id', 'status'])
    .execute();
  const open = new Map(rows.filter((r) => r.status === 'open').map((r) => [r.process_id, Number(r.k)]));
  const all = new Map<string, number>();
  for (const r of rows) all.set(r.process_id, (all.get(r.process_id) ?? 0) + Number(r.k));
  const list = sql.join(ids.length ? ids : ['']);
  const duplicateKeys = await n(
    db,
    sql`select count(*)::int as n from (select task_key from tasks where process_id in (${list}) group by task_key having count(*) > 1) d`,
  );
  return {
    check: '每名干部一条述职自评待办 one open first task per cadre',
    owed: ids.length,
    ok: ids.filter((id) => open.get(id) === 1 && all.get(id) === 1).length,
    lost: ids.filter((id) => !open.get(id)).length,
    duplicated: ids.filter((id) => (all.get(id) ?? 0) > 1).length + duplicateKeys,
  };
}

/** Every approval sent took effect once: its task decided 同意 by its secretary, one 'approve' event. */
export async function approvalsOnce(db: DB, approvals: Approval[]): Promise<Figure & { retried: number }> {
  const taskIds = approvals.map((a) => a.taskId);
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'status', 'decided_by', sql<string>`decision->>'decision'`.as('decision')])
    .where('id', 'in', taskIds.length ? taskIds : [0])
    .execute();
  const events = await db
    .selectFrom('task_events')
    .select(['task_id', (eb) => eb.fn.countAll<number>().as('k')])
    .where('task_id', 'in', taskIds.length ? taskIds : [0])
    .where('action', '=', 'approve')
    .groupBy('task_id')
    .execute();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const eventCount = new Map(events.map((e) => [e.task_id, Number(e.k)]));
  const took = (a: Approval) => {
    const t = byId.get(a.taskId);
    return t?.status === 'done' && t.decision === 'approve' && t.decided_by === a.secretaryUserId;
  };
  return {
    check: '结对审批 每次同意恰好生效一次 every approval took effect once',
    owed: approvals.length,
    ok: approvals.filter((a) => a.sent?.status === 200 && took(a) && eventCount.get(a.taskId) === 1).length,
    lost: approvals.filter((a) => !took(a) || !eventCount.get(a.taskId)).length,
    duplicated: approvals.filter((a) => (eventCount.get(a.taskId) ?? 0) > 1).length,
    retried: approvals.filter((a) => (a.sent?.attempts ?? 0) > 1).length,
  };
}

/** The next step of every approved pairing opened once (growth plan and first exchange). */
export async function nextSteps(db: DB, pairingIds: string[]): Promise<Figure> {
  const got = await accountFor(db, pairingIds);
  const count = (key: string) => got.tasks[key] ?? 0;
  const want = pairingIds.length;
  const steps = ['growth-plan.draft open', 'exchange.m1 open', `${APPROVAL_STEP} done`];
  return {
    check: '审批后下一步各开一次 next steps opened once',
    owed: want * steps.length,
    ok: steps.reduce((s, k) => s + Math.min(count(k), want), 0),
    lost: steps.reduce((s, k) => s + Math.max(want - count(k), 0), 0),
    duplicated: steps.reduce((s, k) => s + Math.max(count(k) - want, 0), 0),
  };
}

/** Every task's events on the timeline once: its 'opened', and its decision when decided. */
export async function timeline(db: DB, processIds: string[]): Promise<Figure> {
  const got = await accountFor(db, processIds);
  const list = sql.join(processIds.length ? processIds : ['']);
  const owed = await n(
    db,
    sql`select (count(*) + count(*) filter (where status = 'done'))::int as n from tasks where process_id in (${list})`,
  );
  const duplicated = await n(
    db,
    sql`select coalesce(sum(k - 1), 0)::int as n from (select count(*) as k from task_events where process_id in (${list}) and action in ('opened', 'approve') group by task_id, action having count(*) > 1) d`,
  );
  const lost = got.tasksWithoutOpenedEvent + got.decidedWithoutEvent;
  return { check: '时间线事件各一次 timeline events once', owed, ok: owed - lost, lost, duplicated };
}

/** Every task's 新待办 notification recorded once, and every delivery sent or still pending. */
export async function notifications(db: DB, processIds: string[]): Promise<Figure & { notDelivered: number }> {
  const got = await accountFor(db, processIds);
  const list = sql.join(processIds.length ? processIds : ['']);
  const owed = await n(db, sql`select count(*)::int as n from tasks where process_id in (${list})`);
  const duplicated = await n(
    db,
    sql`select coalesce(sum(k - 1), 0)::int as n from (select count(*) as k from notifications n join tasks t on t.id = n.task_id
        where t.process_id in (${list}) and n.kind = 'task_assigned' group by n.task_id, n.user_id having count(*) > 1) d`,
  );
  const notDelivered = await n(
    db,
    sql`select count(*)::int as n from notification_deliveries d where d.status not in ('sent', 'pending')
        and d.notification_key in (select n.notification_key from notifications n join tasks t on t.id = n.task_id where t.process_id in (${list}))`,
  );
  const lost = got.tasksWithoutNotification;
  return {
    check: '新待办通知各记一次 notifications recorded once',
    owed,
    ok: owed - lost,
    lost,
    duplicated,
    notDelivered,
  };
}

/** Every write answered 200 has its audit row: the assessment start by its request id, each pairing by its id. */
export async function audit(db: DB, starts: Sent[], pairingIds: string[]): Promise<Figure> {
  const answered = starts.filter((s) => s.status === 200).map((s) => s.answeredRequestId!);
  const byRequest = await db
    .selectFrom('audit_log')
    .select(['request_id', (eb) => eb.fn.countAll<number>().as('k')])
    .where('request_id', 'in', answered.length ? answered : [''])
    .where('action', '=', 'process.started')
    .groupBy('request_id')
    .execute();
  const byRecord = await db
    .selectFrom('audit_log')
    .select(['record_id', (eb) => eb.fn.countAll<number>().as('k')])
    .where('record_id', 'in', pairingIds.length ? pairingIds : [''])
    .where('action', '=', 'process.started')
    .groupBy('record_id')
    .execute();
  const counts = [...byRequest.map((r) => Number(r.k)), ...byRecord.map((r) => Number(r.k))];
  const owed = answered.length + pairingIds.length;
  const ok = counts.filter((k) => k === 1).length;
  return {
    check: '审计日志记下每次写入 audit log has every write',
    owed,
    ok,
    lost: owed - counts.length,
    duplicated: counts.filter((k) => k > 1).length,
  };
}

/** Every process is where it should be, in the database and in Temporal: running, at its step. */
export async function processStates(db: DB, client: Client, want: Map<string, string>): Promise<Figure> {
  const ids = [...want.keys()];
  const rows = await db
    .selectFrom('processes')
    .select(['id', 'status'])
    .where('id', 'in', ids.length ? ids : [''])
    .execute();
  const dbStatus = new Map(rows.map((r) => [r.id, r.status]));
  const temporalStatus = new Map<string, string>();
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const d = await client.workflow
        .getHandle(id)
        .describe()
        .catch(() => undefined);
      temporalStatus.set(id, d?.status.name ?? 'MISSING');
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  const ok = ids.filter((id) => dbStatus.get(id) === want.get(id) && temporalStatus.get(id) === 'RUNNING');
  return {
    check: '流程状态与Temporal一致 every process in its state',
    owed: ids.length,
    ok: ok.length,
    lost: ids.length - ok.length,
    duplicated: 0,
  };
}
