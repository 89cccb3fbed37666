import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/database.js';
import { CHINA_TIME_ZONE } from '../../domain/china-time.js';
import type { Database } from '../../db/schema.js';
import type { SessionUser } from '../context.js';
import type { Scope } from '../scope/scope.js';
import type { Delegator } from '../../workflows/human-step/types.js';

type Eb = ExpressionBuilder<Database & { t: Database['tasks']; p: Database['processes'] }, 't' | 'p'>;

/** Colleagues on leave today whose tasks the caller stands in for (请假委托). */
export async function delegatorsOf(db: DB, userId: number): Promise<Delegator[]> {
  const today = sql<string>`(now() at time zone ${sql.lit(CHINA_TIME_ZONE)})::date`;
  return db
    .selectFrom('delegations as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['u.id as userId', 'u.role', 'u.township_id as townshipId', 'u.village_id as villageId'])
    .where('d.delegate_user_id', '=', userId)
    .where('d.starts_on', '<=', today)
    .where('d.ends_on', '>=', today)
    .where('u.active', '=', true)
    .execute();
}

type Identity = Pick<Delegator, 'role' | 'townshipId' | 'villageId'> & { id?: number; userId?: number };

/** A unit the task may name: none (any), or the person's own; a person without that unit matches only none. */
const unitOptions = (own: number | null) => (own == null ? [null] : [null, own]);

/**
 * The role's tasks within the person's unit. Spelled out as one branch per (township, village)
 * pair, each an exact or IS NULL match, so all three columns of the index on open tasks by role
 * narrow the search (a village secretary reads their village's tasks, not their township's).
 */
function roleMatch(eb: Eb, who: Identity) {
  const is = (column: 't.assignee_township_id' | 't.assignee_village_id', value: number | null) =>
    value == null ? eb(column, 'is', null) : eb(column, '=', value);
  return eb.and([
    eb('t.assignee_role', '=', who.role),
    eb.or(
      unitOptions(who.townshipId).flatMap((township) =>
        unitOptions(who.villageId).map((village) =>
          eb.and([is('t.assignee_township_id', township), is('t.assignee_village_id', village)]),
        ),
      ),
    ),
  ]);
}

/** The caller may act on it: theirs or their role's within their unit, or the same for a colleague on leave. */
export function actionableBy(eb: Eb, user: SessionUser, delegators: Delegator[]) {
  return eb.or([
    eb('t.assignee_user_id', 'in', [user.id, ...delegators.map((d) => d.userId)]),
    roleMatch(eb, user),
    ...delegators.map((d) => roleMatch(eb, d)),
  ]);
}

/** Which colleague's task this is, when the caller acts on it as a stand-in. */
export function standingInFor(
  task: {
    assigneeUserId: number | null;
    assigneeRole: string | null;
    assigneeTownshipId: number | null;
    assigneeVillageId?: number | null;
  },
  user: SessionUser,
  delegators: Delegator[],
): Delegator | undefined {
  const own =
    task.assigneeUserId === user.id ||
    (task.assigneeRole === user.role &&
      (task.assigneeTownshipId == null || task.assigneeTownshipId === user.townshipId));
  if (own) return undefined;
  return delegators.find(
    (d) =>
      d.userId === task.assigneeUserId ||
      (task.assigneeRole === d.role && (task.assigneeTownshipId == null || task.assigneeTownshipId === d.townshipId)),
  );
}

/**
 * The rule of what the caller may see: what they can act on, plus their unit's tasks. A person's
 * unit is the processes about them, so at that level the query must have `processes as p` joined.
 */
export function visibleTo(eb: Eb, user: SessionUser, scope: Scope, delegators: Delegator[]) {
  const own = actionableBy(eb, user, delegators);
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
}

/** Tasks the caller may see, with their process and assignee joined for what a task shows. */
export function tasksInScope(db: DB, user: SessionUser, scope: Scope, delegators: Delegator[]) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('processes as p', 'p.id', 't.process_id')
    .leftJoin('users as a', 'a.id', 't.assignee_user_id')
    .where((eb) => visibleTo(eb as unknown as Eb, user, scope, delegators));
}

export type TaskQuery = ReturnType<typeof tasksInScope>;

/** Narrows to the tasks the caller may act on (their own, their role's, a colleague's on leave), open or not. */
export function onlyActionableBy(query: TaskQuery, user: SessionUser, delegators: Delegator[]): TaskQuery {
  return query.where((eb) => actionableBy(eb as unknown as Eb, user, delegators));
}

export function selectTask(query: TaskQuery, user: SessionUser, delegators: Delegator[]) {
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
