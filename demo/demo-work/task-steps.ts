// One person's action on one step, done once: a step already decided (an earlier, interrupted
// run got that far) is left as it is, so the demo work can be run again after a restart.
import type { ApiTask, DemoApi } from './api-client.js';

export interface StepAction {
  step: string;
  round?: number;
  as: string;
  action: 'submit' | 'approve' | 'reject' | 'return' | 'change_deadline';
  form?: Record<string, unknown>;
  comment?: string;
  returnTo?: string;
  deadline?: { at: string };
}

/** Acts unless the task is already closed; answers the task as it stood before. */
export async function actOnce(api: DemoApi, processId: string, action: StepAction): Promise<ApiTask> {
  const task = await api.taskWhenOpened(processId, action.step, action.round ?? 1);
  if (task.status !== 'open') return task;
  const { step: _step, round: _round, as, ...body } = action;
  // The same requestId on a retry makes the workflow take the action once.
  await api.post(as, `/api/tasks/${task.id}/actions`, { ...body, requestId: 'demo-work-1' });
  return task;
}

/** Today in China (UTC+8), as the forms' dates want it. */
export const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
