// What the human-step engine needs from activities. The worker provides these under the
// same names; the workflow proxies them by type.
import type { TaskActivities } from '../../activities/human-steps/task-activities.js';
import type { TransitionActivities } from '../../activities/human-steps/transition-activities.js';
import type { NotifyInput, Recipient } from '../../activities/notifications/notification-activities.js';
import type { Assignee, Deadline, Offset } from './types.js';

/** The notification contract is the notification activity's own; workflows only use its types. */
export type NotifyRequest = NotifyInput;

export interface StepSchedule {
  dueAt: string;
  remindAt: string | null;
  escalateAt: string[];
}

export interface StepActivities extends TaskActivities, TransitionActivities {
  resolveStepSchedule(input: {
    openedAt: string;
    deadline: Deadline;
    remindBefore?: Offset;
    escalateAfter?: Offset[];
  }): Promise<StepSchedule>;
  notify(input: NotifyRequest): Promise<unknown>;
}

export type { Recipient };

export function recipientOf(assignee: Assignee): Recipient {
  return assignee.kind === 'user'
    ? { userId: assignee.userId }
    : { role: assignee.role, townshipId: assignee.townshipId ?? null, villageId: assignee.villageId ?? null };
}
