// The body of a task's notification (新待办, 催办, 即将到期 …): the process, the step and when it
// is due. Written by the workflow for most notices and by the step-opening activity for a step
// whose deadline it computes itself, so both say it the same way.
import { chinaMinuteOf } from './china-time.js';

export function stepNoticeBody(processTitle: string, stepName: string, dueAt: string): string {
  return `${processTitle} · ${stepName}，截止 ${chinaMinuteOf(dueAt)}`;
}
