// The handler of the `actOnTask` Update, once its validator (`task-action-checks.ts`) accepted
// the request: a decision (提交, 同意, 退回, 驳回) closes its task and, when it ends the step (或签,
// a refusal, the last 会签 approval), cancels the other tasks and gives the step its outcome; the
// other actions (转交, 加签, 抄送, 催办, 评论, 改期) leave the step open.
import { condition, patched } from '@temporalio/workflow';
import { findSigner, UNSCHEDULED, undecided, type OpenStep, type Signer } from './open-step.js';
import type { ProcessWaitingOn } from './process-waiting-on.js';
import { acts, local } from './step-activity-proxies.js';
import { ONE_WRITE, STEP_IN_ONE_ACTIVITY } from './step-patches.js';
import { addSigner, cancelSigner } from './step-tasks.js';
import type { StepTimeline } from './step-timeline.js';
import { DECISIONS, type Assignee, type Decision, type TaskActionRequest, type TaskActionResult } from './types.js';

export async function act(
  timeline: StepTimeline,
  waiting: ProcessWaitingOn,
  open: ReadonlyMap<string, OpenStep>,
  req: TaskActionRequest,
): Promise<TaskActionResult> {
  const { step, signer } = findSigner(open, req.taskKey)!;
  const { actor } = req;
  if ((DECISIONS as readonly string[]).includes(req.action)) {
    signer.closing = true;
    const decision = req.action as Decision;
    const at = new Date().toISOString();
    const close = {
      taskKey: signer.taskKey,
      status: 'done' as const,
      decision: { decision, form: req.form ?? {}, comment: req.comment, returnTo: req.returnTo },
      decidedBy: actor.userId,
      at,
    };
    const detail = { form: req.form ?? {}, returnTo: req.returnTo, onBehalfOf: actor.onBehalfOf };
    const event = () => timeline.eventInput(step, signer, decision, actor, detail, req.comment);
    if (patched(ONE_WRITE) && patched(STEP_IN_ONE_ACTIVITY)) {
      const others = undecided(step).filter((s) => s !== signer).length;
      if (step.mode === 'any' || decision !== 'approve' || others === 0) {
        // The decision ends the step: the read model hears what the process waits on next now.
        const currentStep = waiting.currentStepName(step);
        await waiting.writingCurrentStep(currentStep, () =>
          local.decideTask({ close, event: event(), process: { id: timeline.processId, currentStep } }),
        );
      } else await local.decideTask({ close, event: event() });
      signer.decision = decision;
    } else if (patched(ONE_WRITE)) {
      await local.decideTask({ close, event: event() });
      signer.decision = decision;
    } else {
      await acts.closeTask(close);
      signer.decision = decision;
      await timeline.event(step, signer, decision, actor, detail, req.comment);
    }
    const finished = step.mode === 'any' || decision !== 'approve' || undecided(step).length === 0;
    if (finished) {
      for (const other of undecided(step)) await cancelSigner(timeline, step, other, 'decided by another signer');
      step.outcome = {
        decision,
        form: req.form ?? {},
        comment: req.comment,
        returnTo: req.returnTo,
        actor,
        at,
        signers: step.signers.map((s) => ({
          userId: s.assignee.kind === 'user' ? s.assignee.userId : null,
          decision: s.decision,
        })),
      };
    }
  } else {
    await operate(timeline, step, signer, req);
  }
  step.version++;
  return { taskKey: req.taskKey, action: req.action, stepOpen: step.outcome === undefined };
}

/** Also how `reassignOpen` moves a task: as a transfer, without an Update. */
export async function operate(
  timeline: StepTimeline,
  step: OpenStep,
  signer: Signer,
  req: TaskActionRequest,
): Promise<void> {
  const { actor } = req;
  // Every operation but a decision names or moves the deadline: it waits for the step to open.
  if (step.schedule === UNSCHEDULED) await condition(() => step.schedule !== UNSCHEDULED);
  const detail = { userIds: req.userIds, deadline: req.deadline };
  switch (req.action) {
    case 'transfer': {
      const to: Assignee = { kind: 'user', userId: req.userIds![0] };
      const from = signer.assignee;
      signer.assignee = to;
      await acts.reassignTask({ taskKey: signer.taskKey, assignee: to });
      await timeline.event(step, signer, 'transferred', actor, { from, to }, req.comment);
      await timeline.notify(step, 'task_assigned', [to], `转交给您：${step.spec.name}`, signer);
      return;
    }
    case 'add_signer':
      // 加签: the added people must decide too, so the step now waits for every signer.
      step.mode = 'all';
      for (const userId of req.userIds!) await addSigner(timeline, step, { kind: 'user', userId }, actor);
      await timeline.event(step, signer, 'signer_added', actor, detail, req.comment);
      return;
    case 'cc':
      await timeline.notify(
        step,
        'task_cc',
        req.userIds!.map((userId) => ({ kind: 'user', userId }) as Assignee),
        `抄送：${step.spec.name}`,
        signer,
      );
      await timeline.event(step, signer, 'cc', actor, detail, req.comment);
      return;
    case 'urge':
      await timeline.notify(step, 'task_urged', [signer.assignee], `催办：${step.spec.name}`, signer);
      await timeline.event(step, signer, 'urged', actor, {}, req.comment);
      return;
    case 'comment':
      await timeline.event(step, signer, 'commented', actor, {}, req.comment);
      return;
    case 'change_deadline': {
      const schedule = await acts.resolveStepSchedule({
        openedAt: new Date().toISOString(),
        deadline: req.deadline!,
        remindBefore: step.spec.remindBefore,
        escalateAfter: step.spec.escalate?.map((e) => e.after),
      });
      const previous = step.schedule.dueAt;
      Object.assign(step, { schedule, reminded: false, overdue: false, escalated: 0 });
      for (const s of undecided(step))
        await acts.setTaskDue({ taskKey: s.taskKey, dueAt: schedule.dueAt, escalationLevel: 0 });
      await timeline.event(
        step,
        signer,
        'deadline_changed',
        actor,
        { from: previous, to: schedule.dueAt },
        req.comment,
      );
      return;
    }
  }
}
