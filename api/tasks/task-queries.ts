import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { SessionUser } from '../context.js';
import type { Scope } from '../scope/scope.js';

type Eb = ExpressionBuilder<Database & { t: Database['tasks']; p: Database['processes'] }, 't' | 'p'>;

/** Users whose tasks the caller may act on today while they are on leave (请假委托). */
export async function delegatorsOf(db: DB, userId: number): Promise<number[]> {
  const today = sql<string>`(now() at time zone 'Asia/Shanghai')::date`;
  const rows = await db
    .selectFrom('delegations')
    .select('user_id')
    .where('delegate_user_id', '=', userId)
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The caller may act on it: theirs, a delegator's, or their role's within their unit. */
export function actionableBy(eb: Eb, user: SessionUser, delegators: number[]) {
  return eb.or([
    eb('t.assignee_user_id', 'in', [user.id, ...delegators]),
    eb.and([
      eb('t.assignee_role', '=', user.role),
      eb.or([eb('t.assignee_township_id', 'is', null), eb('t.assignee_township_id', '=', user.townshipId)]),
      eb.or([eb('t.assignee_village_id', 'is', null), eb('t.assignee_village_id', '=', user.villageId)]),
    ]),
  ]);
}

/** Tasks the caller may see: what they can act on, plus their unit's tasks. */
export function tasksInScope(db: DB, user: SessionUser, scope: Scope, delegators: number[]) {
  const query = db.selectFrom('tasks as t').innerJoin('processes as p', 'p.id', 't.process_id').leftJoin('users as a', 'a.id', 't.assignee_user_id');
  return query.where((eb) => {
    const own = actionableBy(eb as unknown as Eb, user, delegators);
    switch (scope.level) {
      case 'county':
        return eb.lit(true);
      case 'township':
        return eb.or([own, eb('t.township_id', '=', scope.townshipId)]);
      case 'village':
        return eb.or([own, eb('t.village_id', '=', scope.villageId)]);
      case 'person':
        return eb.or([own, eb('p.subject_person_id', '=', scope.personId)]);
    }
  });
}

export type TaskQuery = ReturnType<typeof tasksInScope>;

export function selectTask(query: TaskQuery, user: SessionUser, delegators: number[]) {
  return query.select((eb) => [
    't.id',
    't.task_key as taskKey',
    't.process_id as processId',
    't.process_type as processType',
    'p.title as processTitle',
    't.step_key as stepKey',
    't.step_name as stepName',
    't.round',
    't.form',
    't.actions',
    't.assignee_user_id as assigneeUserId',
    'a.display_name as assigneeName',
    't.assignee_role as assigneeRole',
    't.assignee_township_id as assigneeTownshipId',
    't.township_id as townshipId',
    't.village_id as villageId',
    't.status',
    't.due_at as dueAt',
    sql<boolean>`(t.status = 'open' and t.due_at < now())`.as('overdue'),
    't.escalation_level as escalationLevel',
    't.context',
    't.decision',
    't.decided_by as decidedBy',
    't.decided_at as decidedAt',
    't.created_at as createdAt',
    eb.and([eb('t.status', '=', 'open'), actionableBy(eb as unknown as Eb, user, delegators)]).as('canAct'),
  ]);
}
