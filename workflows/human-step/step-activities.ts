// What the human-step engine needs from activities. The worker provides these under the
// same names; the workflow proxies them by type.
import type { TaskActivities } from '../../activities/human-steps/task-activities.js';
import type { Assignee, Deadline, Offset } from './types.js';

export type Recipient = { userId: number } | { role: string; townshipId?: number | null; villageId?: number | null };

export interface NotifyRequest {
  key: string;
  kind: 'task_assigned' | 'task_reminder' | 'task_overdue' | 'task_escalated' | 'task_urged' | 'task_cc' | 'process_ended';
  recipients: Recipient[];
  title: string;
  body: string;
  link?: string;
  taskId?: number;
  townshipId?: number | null;
}

export interface StepSchedule {
  dueAt: string;
  remindAt: string | null;
  escalateAt: string[];
}

export interface StepActivities extends TaskActivities {
  resolveStepSchedule(input: { openedAt: string; deadline: Deadline; remindBefore?: Offset; escalateAfter?: Offset[] }): Promise<StepSchedule>;
  notify(input: NotifyRequest): Promise<unknown>;
}

export function recipientOf(assignee: Assignee): Recipient {
  return assignee.kind === 'user' ? { userId: assignee.userId } : { role: assignee.role, townshipId: assignee.townshipId ?? null, villageId: assignee.villageId ?? null };
}
