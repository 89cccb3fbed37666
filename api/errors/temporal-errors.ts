// Temporal's errors become the HTTP answer a clerk can act on, for every route at once (the
// error handler calls this): a refused Update gives 409 for a task already decided, 403 for
// someone else's task, 400 with the failing fields for a bad form; a process that has ended, 409.
import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { AppError } from './app-error.js';
import { fail } from './errors.js';
import { REFUSALS, type Refusal } from '../../workflows/human-step/types.js';

const REFUSAL_TEXT: Record<Refusal, { zh: string; en: string }> = {
  task_closed: { zh: '该待办已办结或已撤销，不能再操作', en: 'The task is already decided or closed' },
  not_assignee: {
    zh: '您不是该待办的办理人，或无权执行此操作',
    en: 'You are not the assignee of this task, or may not do this',
  },
  action_not_allowed: { zh: '该环节不允许此操作', en: 'This step does not allow that action' },
  invalid_form: { zh: '表单填写有误，请检查标出的字段', en: 'The form has invalid fields' },
  invalid_request: { zh: '请求不完整，请检查标出的字段', en: 'The request is incomplete' },
};

const FIELD_TEXT: Record<string, string> = {
  required: '必填',
  one: '只能选择一人',
  invalid: '无效',
  same: '与现任相同',
  mentee: '不能是本人',
  past: '须晚于现在',
};

const processEnded = () =>
  fail('conflict', [{ field: 'task', message: REFUSAL_TEXT.task_closed.zh, messageEn: 'The process has ended' }]);

/** The answer for an error from Temporal, or undefined when it is not one we can explain. */
export function fromTemporalError(error: unknown): AppError | undefined {
  if (error instanceof WorkflowNotFoundError) return processEnded();
  // No worker took the Update within its deadline (update-deadline.ts). Temporal may still
  // deliver it when a worker comes back, so the clerk is told to look before trying again.
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
    return new AppError('unavailable', {
      status: 503,
      zh: '流程引擎暂未响应，请稍后刷新，确认本次操作是否生效后再试',
      en: 'The workflow engine did not answer in time; refresh later to see whether it took effect before trying again',
    });
  if (!(error instanceof WorkflowUpdateFailedError)) {
    // Acting on a finished run: the server says the execution is completed.
    if (error instanceof Error && /already completed|workflow execution.*(completed|closed)/i.test(error.message))
      return processEnded();
    return undefined;
  }
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !cause.type || !(cause.type in REFUSALS)) return undefined;
  const code = cause.type as Refusal;
  const problems = (cause.details?.[0] as { field: string; message: string }[] | undefined) ?? [];
  const fields = problems.map((p) => ({
    field: p.field,
    message: FIELD_TEXT[p.message] ?? p.message,
    messageEn: p.message,
  }));
  const status = REFUSALS[code];
  const base = status === 409 ? 'conflict' : status === 403 ? 'forbidden' : 'validation_failed';
  // The refusal's own words say more than the generic ones.
  return new AppError(
    base,
    { status, zh: REFUSAL_TEXT[code].zh, en: `${REFUSAL_TEXT[code].en}: ${cause.message}` },
    fields.length ? fields : undefined,
  );
}
