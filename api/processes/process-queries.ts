import { sql } from 'kysely';
import type { DB } from '../../db/database.js';
import type { SessionUser } from '../context.js';
import type { Scope } from '../scope/scope.js';

/** Processes the caller may see: their unit's, or (for a person) ones they are in. */
export function processesInScope(db: DB, user: SessionUser, scope: Scope) {
  const query = db
    .selectFrom('processes as p')
    .leftJoin('people as s', 's.id', 'p.subject_person_id')
    .leftJoin('townships as tw', 'tw.id', 'p.township_id');
  switch (scope.level) {
    case 'county':
      return query;
    case 'township':
      return query.where('p.township_id', '=', scope.townshipId);
    case 'village':
      return query.where((eb) =>
        eb.or([
          eb('p.village_id', '=', scope.villageId),
          eb.exists(
            eb
              .selectFrom('tasks as t')
              .select('t.id')
              .whereRef('t.process_id', '=', 'p.id')
              .where('t.assignee_user_id', '=', user.id),
          ),
        ]),
      );
    case 'person':
      return query.where((eb) =>
        eb.or([
          eb('p.subject_person_id', '=', scope.personId),
          eb.exists(
            eb
              .selectFrom('tasks as t')
              .select('t.id')
              .whereRef('t.process_id', '=', 'p.id')
              .where('t.assignee_user_id', '=', user.id),
          ),
        ]),
      );
  }
}

export type ProcessQuery = ReturnType<typeof processesInScope>;

export function selectProcess(query: ProcessQuery) {
  return query.select([
    'p.id',
    'p.type',
    'p.title',
    'p.township_id as townshipId',
    'tw.name as townshipName',
    'p.village_id as villageId',
    'p.subject_person_id as subjectPersonId',
    's.name as subjectName',
    'p.status',
    'p.current_step as currentStep',
    'p.started_by as startedBy',
    'p.started_at as startedAt',
    'p.ended_at as endedAt',
    'p.params',
    'p.outcome',
    sql<number>`(select count(*)::int from tasks t where t.process_id = p.id and t.status = 'open' and t.due_at < now())`.as(
      'overdueTasks',
    ),
    sql<number>`(select count(*)::int from tasks t where t.process_id = p.id and t.status = 'open')`.as('openTasks'),
  ]);
}

/** The business timeline: every event with its actor and step, oldest first. */
export function timelineOf(db: DB, processId: string) {
  return db
    .selectFrom('task_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('tasks as t', 't.id', 'e.task_id')
    .select([
      sql<number>`e.id::int`.as('id'),
      'e.at',
      'e.action',
      'e.comment',
      'e.detail',
      'e.actor_user_id as actorUserId',
      'u.display_name as actorName',
      't.id as taskId',
      't.step_key as stepKey',
      't.step_name as stepName',
    ])
    .where('e.process_id', '=', processId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}
