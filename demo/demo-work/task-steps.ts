// One person's action on one step, done once: a step already decided (an earlier, interrupted
// run got that far) is left as it is, so the demo work can be run again after a restart.
import { DemoApiError, type ApiTask, type DemoApi } from './api-client.js';

export interface StepAction {
  step: string;
  round?: number;
  as: string;
  action: 'submit' | 'approve' | 'reject' | 'return' | 'change_deadline';
  form?: Record<string, unknown>;
  comment?: string;
  returnTo?: string;
  /** Counted from the moment the action is sent, not from when the demo planned it. */
  deadline?: { inSeconds: number };
}

/** A 503 means no worker took the Update in time; the same requestId makes a retry safe. */
const RETRIES_WHEN_BUSY = 4;

/** Acts unless the task is already closed; answers the task as it stood before. */
export async function actOnce(api: DemoApi, processId: string, action: StepAction): Promise<ApiTask> {
  const task = await api.taskWhenOpened(processId, action.step, action.round ?? 1);
  if (task.status !== 'open') return task;
  const { step: _step, round: _round, as, deadline, ...rest } = action;
  for (let attempt = 0; ; attempt++) {
    const body = {
      ...rest,
      ...(deadline && { deadline: { at: new Date(Date.now() + deadline.inSeconds * 1000).toISOString() } }),
      // The same requestId on a retry makes the workflow take the action once.
      requestId: 'demo-work-1',
    };
    try {
      await api.post(as, `/api/tasks/${task.id}/actions`, body);
      return task;
    } catch (error) {
      if (!(error instanceof DemoApiError && error.status === 503) || attempt >= RETRIES_WHEN_BUSY) throw error;
      // The Update may yet have been taken while the API gave up waiting: a decided task is done.
      const now = await api.taskWhenOpened(processId, action.step, action.round ?? 1);
      if (now.status !== 'open') return task;
    }
  }
}

/** Today in China (UTC+8), as the forms' dates want it. */
export const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
