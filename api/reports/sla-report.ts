// 时效报表: how quickly each township decides each step of a process type, from the task
// records. A row per township and step family (`objection.o2` counts as `objection.answer`):
// tasks still open, open past their deadline, decided, decided after it, and the average and
// 90th percentile hours from a task's opening to its decision. PostgreSQL does the counting
// and the percentiles, so the answer stays one query however many tasks there are.
import { sql } from 'kysely';
import type { DB } from '../../db/database.js';
import type { SessionUser } from '../context.js';
import { fail } from '../errors/errors.js';
import { dayStart, nextDayStart } from '../processes/process-list-filter.js';
import { scopeOf } from '../scope/scope.js';
import { stepsOf } from '../../workflows/human-step/step-catalogue.js';
import { PROCESS_TYPES, stepFamily } from '../../workflows/process-types.js';

export interface SlaQuery {
  processType: string;
  /** China-time days, both included; tasks opened within them are counted. */
  from: string;
  to: string;
  townshipId?: number;
}

export interface SlaRow {
  townshipId: number | null;
  townshipName: string;
  step: string;
  stepName: string;
  open: number;
  overdueOpen: number;
  decided: number;
  decidedLate: number;
  /** Hours from opening to decision, two decimals; null when nothing was decided. */
  avgHours: number | null;
  p90Hours: number | null;
}

/** The county and its auditor see every township; a township's officer and secretary their own. */
export function slaTownshipScope(user: SessionUser, asked?: number): number | undefined {
  const scope = scopeOf(user);
  if (scope.level === 'county') return asked;
  if (scope.level !== 'township') throw fail('forbidden');
  // Another township asked for: nothing of it is shown, the caller's own is.
  return scope.townshipId;
}

const hours = sql<number>`extract(epoch from (t.decided_at - t.created_at)) / 3600`;
const done = sql<boolean>`t.status = 'done'`;
const isOpen = sql<boolean>`t.status = 'open'`;
const round2 = (v: unknown) => (v == null ? null : Math.round(Number(v) * 100) / 100);

export async function slaReport(db: DB, user: SessionUser, q: SlaQuery): Promise<SlaRow[]> {
  const townshipId = slaTownshipScope(user, q.townshipId);
  const since = dayStart(q.from);
  const until = nextDayStart(q.to);
  let tasks = db
    .selectFrom('tasks as t')
    .where('t.process_type', '=', q.processType)
    .where('t.created_at', '>=', since)
    .where('t.created_at', '<', until);
  if (townshipId !== undefined) tasks = tasks.where('t.township_id', '=', townshipId);

  // Each occurrence key the period holds, mapped to its family by the one rule (stepFamily).
  const keys = (await tasks.select('t.step_key').distinct().execute()).map((r) => r.step_key);
  if (keys.length === 0) return [];
  const families = keys.map((k) => stepFamily(q.processType, k));

  const family = sql<string>`(${families}::text[])[array_position(${keys}::text[], t.step_key)]`;
  const inPeriod = tasks
    .select(['t.township_id', 't.status', 't.due_at', 't.created_at', 't.decided_at', family.as('step')])
    .as('t');
  const rows = await db
    .selectFrom(inPeriod)
    .leftJoin('townships as tw', 'tw.id', 't.township_id')
    .select([
      't.township_id as townshipId',
      'tw.name as townshipName',
      'tw.code as townshipCode',
      't.step',
      sql<number>`count(*) filter (where ${isOpen})::int`.as('open'),
      sql<number>`count(*) filter (where ${isOpen} and t.due_at < now())::int`.as('overdueOpen'),
      sql<number>`count(*) filter (where ${done})::int`.as('decided'),
      sql<number>`count(*) filter (where ${done} and t.decided_at > t.due_at)::int`.as('decidedLate'),
      sql<string | null>`avg(${hours}) filter (where ${done})`.as('avgHours'),
      sql<string | null>`percentile_cont(0.9) within group (order by ${hours}) filter (where ${done})`.as('p90Hours'),
    ])
    .groupBy(['t.township_id', 'tw.name', 'tw.code', 't.step'])
    .execute();

  const catalogue = stepsOf(PROCESS_TYPES[q.processType].catalogue);
  const order = new Map(catalogue.map((s, i) => [s.key, i]));
  const names = new Map(catalogue.map((s) => [s.key, s.name]));
  return rows
    .sort(
      (a, b) =>
        (a.townshipCode ?? '').localeCompare(b.townshipCode ?? '') ||
        (order.get(a.step) ?? 999) - (order.get(b.step) ?? 999),
    )
    .map(({ townshipCode: _code, ...r }) => ({
      ...r,
      townshipName: r.townshipName ?? '县级',
      stepName: names.get(r.step) ?? r.step,
      avgHours: round2(r.avgHours),
      p90Hours: round2(r.p90Hours),
    }));
}
