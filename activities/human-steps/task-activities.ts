// The read side of processes and human steps. Every write is keyed by something the
// workflow decided (process id, task key, event key), so a retried activity changes nothing twice.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Database, ProcessStatus } from '../../db/schema.js';
import type { Assignee } from '../../workflows/human-step/types.js';

export interface RegisterProcessInput {
  id: string;
  type: string;
  title: string;
  townshipId: number | null;
  villageId: number | null;
  subjectPersonId: number | null;
  startedBy: number | null;
  params: Record<string, unknown>;
}

export interface OpenTaskInput {
  taskKey: string;
  processId: string;
  processType: string;
  stepKey: string;
  stepName: string;
  round: number;
  form: string;
  actions: string[];
  assignee: Assignee;
  townshipId: number | null;
  villageId: number | null;
  dueAt: string;
  context: Record<string, unknown>;
}

export interface TaskEventInput {
  eventKey: string;
  processId: string;
  taskKey?: string;
  at: string;
  actorUserId?: number | null;
  action: string;
  comment?: string | null;
  detail?: Record<string, unknown>;
}

function assigneeColumns(assignee: Assignee) {
  return assignee.kind === 'user'
    ? { assignee_user_id: assignee.userId, assignee_role: null, assignee_township_id: null, assignee_village_id: null }
    : {
        assignee_user_id: null,
        assignee_role: assignee.role,
        assignee_township_id: assignee.townshipId ?? null,
        assignee_village_id: assignee.villageId ?? null,
      };
}

export interface CloseTaskInput {
  taskKey: string;
  status: 'done' | 'cancelled';
  decision?: Record<string, unknown>;
  decidedBy?: number | null;
  at: string;
}

/** The task's row, or the one a first attempt wrote: its id. */
export async function openTaskRow(db: Kysely<Database>, input: OpenTaskInput): Promise<number> {
  const row = await db
    .insertInto('tasks')
    .values({
      task_key: input.taskKey,
      process_id: input.processId,
      process_type: input.processType,
      step_key: input.stepKey,
      step_name: input.stepName,
      round: input.round,
      form: input.form,
      actions: JSON.stringify(input.actions),
      ...assigneeColumns(input.assignee),
      township_id: input.townshipId,
      village_id: input.villageId,
      due_at: new Date(input.dueAt),
      context: JSON.stringify(input.context),
    })
    // A retry finds the row it wrote the first time.
    .onConflict((oc) => oc.column('task_key').doUpdateSet((eb) => ({ task_key: eb.ref('excluded.task_key') })))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Closes an open task; a closed one stays as it was. */
export async function closeTaskRow(db: Kysely<Database>, input: CloseTaskInput): Promise<void> {
  await db
    .updateTable('tasks')
    .set({
      status: input.status,
      decision: input.decision ? JSON.stringify(input.decision) : null,
      decided_by: input.decidedBy ?? null,
      decided_at: new Date(input.at),
    })
    .where('task_key', '=', input.taskKey)
    .where('status', '=', 'open')
    .execute();
}

/** One event on the timeline, once per key; its task found by key unless the id is known. */
export async function insertEventRow(db: Kysely<Database>, input: TaskEventInput, knownTaskId?: number): Promise<void> {
  const taskId =
    knownTaskId ??
    (input.taskKey
      ? ((await db.selectFrom('tasks').select('id').where('task_key', '=', input.taskKey).executeTakeFirst())?.id ??
        null)
      : null);
  await db
    .insertInto('task_events')
    .values({
      event_key: input.eventKey,
      process_id: input.processId,
      task_id: taskId,
      at: input.at,
      actor_user_id: input.actorUserId ?? null,
      action: input.action,
      comment: input.comment ?? null,
      detail: JSON.stringify(input.detail ?? {}),
    })
    .onConflict((oc) => oc.column('event_key').doNothing())
    .execute();
}

export function createTaskActivities(db: DB) {
  return {
    async registerProcess(input: RegisterProcessInput): Promise<void> {
      await db
        .insertInto('processes')
        .values({
          id: input.id,
          type: input.type,
          title: input.title,
          township_id: input.townshipId,
          village_id: input.villageId,
          subject_person_id: input.subjectPersonId,
          started_by: input.startedBy,
          params: JSON.stringify(input.params),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },

    async updateProcess(input: {
      id: string;
      status?: ProcessStatus;
      currentStep?: string | null;
      outcome?: Record<string, unknown>;
      endedAt?: string;
    }): Promise<void> {
      await db
        .updateTable('processes')
        .set({
          ...(input.status ? { status: input.status } : {}),
          ...(input.currentStep !== undefined ? { current_step: input.currentStep } : {}),
          ...(input.outcome ? { outcome: JSON.stringify(input.outcome) } : {}),
          ...(input.endedAt ? { ended_at: new Date(input.endedAt) } : {}),
        })
        .where('id', '=', input.id)
        .execute();
      // An incident the process waited on ends with it (a withdrawal already wrote its reason).
      if (input.endedAt)
        await db
          .updateTable('incidents')
          .set({ status: 'closed', resolved_at: new Date(input.endedAt) })
          .where('process_id', '=', input.id)
          .where('status', '=', 'open')
          .execute();
    },

    openTask(input: OpenTaskInput): Promise<number> {
      return openTaskRow(db, input);
    },

    closeTask(input: CloseTaskInput): Promise<void> {
      return closeTaskRow(db, input);
    },

    async reassignTask(input: { taskKey: string; assignee: Assignee }): Promise<void> {
      await db
        .updateTable('tasks')
        .set(assigneeColumns(input.assignee))
        .where('task_key', '=', input.taskKey)
        .execute();
    },

    async setTaskDue(input: { taskKey: string; dueAt: string; escalationLevel?: number }): Promise<void> {
      await db
        .updateTable('tasks')
        .set({
          due_at: new Date(input.dueAt),
          ...(input.escalationLevel !== undefined ? { escalation_level: input.escalationLevel } : {}),
        })
        .where('task_key', '=', input.taskKey)
        .execute();
    },

    recordEvent(input: TaskEventInput): Promise<void> {
      return insertEventRow(db, input);
    },
  };
}

export type TaskActivities = ReturnType<typeof createTaskActivities>;
