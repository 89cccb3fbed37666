// A step transition as one write. Deciding a task (closing it, its decision on the timeline) and
// opening a step (its tasks, their 'opened' events, the notifications they owe, what the process
// waits on) each commit in one transaction, run by the workflow as a local activity: no round
// trip through Temporal per row. Every row is keyed as the separate activities key it, so a
// retried attempt changes nothing twice. Emails and robot messages owed are sent after the
// commit from the notification outbox, as `notify` sends them. A step opened with its schedule
// computes its deadline first, in the same activity, so opening costs one local activity.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { StepSchedule, StepScheduleInput } from '../../domain/step-schedule.js';
import { stepNoticeBody } from '../../domain/step-notice.js';
import { createStepScheduler, type StepScheduler } from '../calendar/calendar-activities.js';
import {
  notificationSending,
  recordNotification,
  sendOwed,
  type NotifyInput,
} from '../notifications/notification-activities.js';
import type { NotificationSettings } from '../notifications/notification-settings.js';
import {
  closeTaskRow,
  insertEventRow,
  openTaskRow,
  type CloseTaskInput,
  type OpenTaskInput,
  type TaskEventInput,
} from './task-activities.js';

/** A notification about a task of this transition: its link and task id are the task's. */
export type TaskNotice = Omit<NotifyInput, 'link' | 'taskId'>;

export interface OpenStepInput {
  tasks: { open: OpenTaskInput; event: Omit<TaskEventInput, 'taskKey'>; notice: TaskNotice }[];
  /** 抄送 of the step, linked to its first task. */
  cc: TaskNotice[];
  process: { id: string; currentStep: string | null };
}

/**
 * A step whose deadline is not known yet: the activity resolves `schedule`, then writes each
 * task's due time, the `dueAt` of its 'opened' event and the notices' body from it.
 */
export interface OpenScheduledStepInput {
  schedule: StepScheduleInput;
  /** What the notices' body names before the deadline (see `stepNoticeBody`). */
  about: { processTitle: string; stepName: string };
  tasks: {
    open: Omit<OpenTaskInput, 'dueAt'>;
    event: Omit<TaskEventInput, 'taskKey'>;
    notice: Omit<TaskNotice, 'body'>;
  }[];
  cc: Omit<TaskNotice, 'body'>[];
  process: { id: string; currentStep: string | null };
}

export function createTransitionActivities(
  db: DB,
  settings: Partial<NotificationSettings> = {},
  scheduler: StepScheduler = createStepScheduler(db),
) {
  const sending = notificationSending(settings);
  const afterCommit = async (keys: string[]) => {
    for (const key of keys) await sendOwed(db, sending, key);
  };

  /** A step's tasks, events, notices owed and current step, in one transaction. */
  async function openStepRows(input: OpenStepInput): Promise<number[]> {
    const owed: string[] = [];
    const ids = await db.transaction().execute(async (trx: Kysely<Database>) => {
      const taskIds: number[] = [];
      const notice = async (n: TaskNotice, taskId: number) => {
        const recorded = await recordNotification(trx, { ...n, taskId, link: `/tasks/${taskId}/show` }, sending);
        if (recorded.owes) owed.push(n.key);
      };
      for (const task of input.tasks) {
        const taskId = await openTaskRow(trx, task.open);
        taskIds.push(taskId);
        await insertEventRow(trx, { ...task.event, taskKey: task.open.taskKey }, taskId);
        await notice(task.notice, taskId);
      }
      for (const cc of input.cc) await notice(cc, taskIds[0]);
      await trx
        .updateTable('processes')
        .set({ current_step: input.process.currentStep })
        .where('id', '=', input.process.id)
        .execute();
      return taskIds;
    });
    await afterCommit(owed);
    return ids;
  }

  return {
    /** 同意/退回/… on a task: the task closed and the decision on the timeline, together. */
    async decideTask(input: {
      close: CloseTaskInput;
      event: TaskEventInput;
      /** When the decision ends its step: what the process waits on after it. */
      process?: { id: string; currentStep: string | null };
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await closeTaskRow(trx, input.close);
        await insertEventRow(trx, input.event);
        if (input.process)
          await trx
            .updateTable('processes')
            .set({ current_step: input.process.currentStep })
            .where('id', '=', input.process.id)
            .execute();
      });
    },

    /** A step opens: each task with its 'opened' event and 新待办, the CCs, the process's current step. */
    openStep(input: OpenStepInput): Promise<number[]> {
      return openStepRows(input);
    },

    /** The same, the step's deadline, reminder and escalations resolved first and returned. */
    async openScheduledStep(input: OpenScheduledStepInput): Promise<{ taskIds: number[]; schedule: StepSchedule }> {
      const schedule = await scheduler(input.schedule);
      const { dueAt } = schedule;
      const body = stepNoticeBody(input.about.processTitle, input.about.stepName, dueAt);
      const taskIds = await openStepRows({
        tasks: input.tasks.map((task) => ({
          open: { ...task.open, dueAt },
          event: { ...task.event, detail: { ...task.event.detail, dueAt } },
          notice: { ...task.notice, body },
        })),
        cc: input.cc.map((cc) => ({ ...cc, body })),
        process: input.process,
      });
      return { taskIds, schedule };
    },
  };
}

export type TransitionActivities = ReturnType<typeof createTransitionActivities>;
