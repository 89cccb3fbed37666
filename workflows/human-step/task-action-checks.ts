// The validator of the `actOnTask` Update: who may take which action on a task, and whether the
// request is complete. It reads and refuses, nothing more: validators do not run on replay, so
// what is checked here can change without touching any stored history.
import { actorIsAssignee, actorIsSupervisor } from './assignee.js';
import { checkForm } from './forms.js';
import type { OpenStep, Signer } from './open-step.js';
import { refuse } from './refusal.js';
import type { ProcessContext } from './step-timeline.js';
import { DECISIONS, type Decision, type TaskActionRequest } from './types.js';

/** Refuses `req` (a `refuse` throw the API turns into its status) unless it may be taken now. */
export function validateTaskAction(
  found: { step: OpenStep; signer: Signer } | undefined,
  req: TaskActionRequest,
  process: ProcessContext,
): void {
  if (!found || found.step.outcome || found.step.closed || found.signer.decision || found.signer.closing)
    refuse('task_closed', 'the task is already decided or closed');
  const { step, signer } = found;
  const { actor, action } = req;
  const isAssignee = actorIsAssignee(signer.assignee, actor);
  const isSupervisor = actorIsSupervisor(actor, signer.assignee, step.spec.townshipId);
  const isInitiator = process.startedBy !== null && actor.userId === process.startedBy;
  if ((DECISIONS as readonly string[]).includes(action)) {
    if (!isAssignee) refuse('not_assignee', 'only the assignee may decide this task');
    if (!step.spec.decisions.includes(action as Decision))
      refuse('action_not_allowed', `this step does not allow "${action}"`);
    if ((action === 'reject' || action === 'return') && !req.comment?.trim())
      refuse('invalid_request', 'a reason is required', [{ field: 'comment', message: 'required' }]);
    if (action === 'return' && (!req.returnTo || !step.spec.returnTo?.includes(req.returnTo))) {
      refuse('invalid_request', 'returnTo must name an earlier step this one may return to', [
        { field: 'returnTo', message: 'invalid' },
      ]);
    }
    if (action === 'submit' || action === 'approve') {
      const problems = checkForm(process.forms, step.spec.form, req.form);
      for (const path of step.spec.formRequires ?? []) {
        const value = path
          .split('.')
          .reduce<unknown>(
            (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
            req.form,
          );
        if (value === undefined || value === null || value === '') problems.push({ field: path, message: 'required' });
      }
      if (problems.length) refuse('invalid_form', 'the form has invalid fields', problems);
    }
    return;
  }
  const allowed: Record<string, boolean> = {
    transfer: isAssignee || isSupervisor,
    add_signer: isAssignee || isSupervisor,
    cc: isAssignee || isSupervisor,
    urge: isSupervisor || isInitiator,
    comment: isAssignee || isSupervisor || isInitiator,
    change_deadline: isSupervisor,
  };
  if (!allowed[action]) refuse('not_assignee', `you may not ${action} this task`);
  if (['transfer', 'add_signer', 'cc'].includes(action) && !(req.userIds && req.userIds.length > 0)) {
    refuse('invalid_request', 'choose at least one person', [{ field: 'userIds', message: 'required' }]);
  }
  if (action === 'transfer' && req.userIds!.length !== 1)
    refuse('invalid_request', 'transfer to exactly one person', [{ field: 'userIds', message: 'one' }]);
  if (action === 'change_deadline' && !req.deadline)
    refuse('invalid_request', 'a new deadline is required', [{ field: 'deadline', message: 'required' }]);
  // Refused here, where the clerk hears why, rather than failing the schedule activity inside
  // the Update. Validators do not run on replay, so this changes no stored history.
  if (action === 'change_deadline' && 'at' in req.deadline! && !(Date.parse(req.deadline.at) > Date.now()))
    refuse('invalid_request', 'the new deadline must be later than now', [{ field: 'deadline', message: 'past' }]);
  if (action === 'comment' && !req.comment?.trim())
    refuse('invalid_request', 'the comment is empty', [{ field: 'comment', message: 'required' }]);
}
