// A cadre's assessment that ended without a result: terminated (强制终止 of that one process),
// failed or timed out, or withdrawn (撤销) on its own. Before this patch the township rethrew the
// child's failure, which nothing awaited until the deadline: the SDK failed every workflow task of
// the township on the unhandled rejection, and the whole township's year stood still, its
// progress unreadable; a withdrawn cadre was waited for until the deadline. Now the cadre counts
// as ended: not waited for, listed among the missing with how it ended.
import { CancelledFailure, ChildWorkflowFailure, TerminatedFailure, TimeoutFailure } from '@temporalio/common';
import { patched } from '@temporalio/workflow';

export const CADRE_ENDED_WITHOUT_RESULT = 'township-cadre-ended-without-result';

/**
 * How the cadre's process ended, for the missing list; undefined when the error is not a child's
 * end. Not for a child the township closed itself (at the deadline, or withdrawn with it).
 */
export function cadreEndedHow(error: unknown): string | undefined {
  if (!(error instanceof ChildWorkflowFailure) || !patched(CADRE_ENDED_WITHOUT_RESULT)) return undefined;
  if (error.cause instanceof CancelledFailure) return '流程已撤销';
  if (error.cause instanceof TerminatedFailure) return '流程已强制终止';
  if (error.cause instanceof TimeoutFailure) return '流程已超时';
  return '流程运行失败';
}
