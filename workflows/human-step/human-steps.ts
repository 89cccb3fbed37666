// The one way a qinglan process waits on people. `steps.run(spec)` opens the task(s), reminds
// before the deadline, escalates after it, takes decisions through the `actOnTask` Update
// (checked by a validator first) and returns the decision. Everything here is deterministic:
// clocks come from the workflow, calendars and writes from activities.
import { CancellationScope, condition, isCancellation, patched, setHandler } from '@temporalio/workflow';
import { actorIsAssignee, actorIsSupervisor } from './assignee.js';
import { checkForm } from './forms.js';
import { actOnTaskUpdate, openStepsQuery } from './messages.js';
import { deciding, findSigner, StepClosed, UNSCHEDULED, undecided, type OpenStep, type Signer } from './open-step.js';
import type { ProcessEvent } from './process-events.js';
import { ProcessWaitingOn } from './process-waiting-on.js';
import { waitForOutcome } from './step-alarms.js';
import { refuse } from './refusal.js';
import { acts, local } from './step-activity-proxies.js';
import type { FormOf, HumanStepDefinition } from './step-catalogue.js';
import { announce, announceInOneWrite, announceScheduled } from './step-opening.js';
import { ONE_WRITE, STEP_IN_ONE_ACTIVITY, WHOLE_OPENING } from './step-patches.js';
import { stepSpec, type StepRunOptions } from './step-run-options.js';
import { addSigner, cancelSigner, cancelStep, expireStep } from './step-tasks.js';
import { StepTimeline, type ProcessContext } from './step-timeline.js';
import {
  DECISIONS,
  type Actor,
  type Assignee,
  type Decision,
  type HumanStepSpec,
  type StepOutcome,
  type TaskActionRequest,
  type TaskActionResult,
} from './types.js';

export { StepClosed };
export type { ProcessContext, StepRunOptions };

export class HumanSteps {
  private readonly open = new Map<string, OpenStep>();
  private readonly rounds = new Map<string, number>();
  /** Steps closed by the workflow before they had opened: each closes as it opens (see `closeOnOpen`). */
  private readonly closedEarly = new Map<string, string>();
  /** Steps whose latest run has ended (decided, closed or cancelled). */
  private readonly ended = new Set<string>();
  /** Steps still running, their cleanup included. */
  private active = 0;
  /** The timeline's keys and what the read model was last told: per run, as the maps above. */
  private readonly timeline: StepTimeline;
  private readonly waiting = new ProcessWaitingOn(this.open);

  constructor(private readonly process: ProcessContext) {
    this.timeline = new StepTimeline(process);
    setHandler(actOnTaskUpdate, (req) => this.act(req), { validator: (req) => this.validate(req) });
    setHandler(openStepsQuery, () =>
      [...this.open.values()].map((s) => ({
        key: s.spec.key,
        name: s.spec.name,
        round: s.round,
        dueAt: s.schedule === UNSCHEDULED ? null : s.schedule.dueAt,
        signers: s.signers.map((g) => ({ taskKey: g.taskKey, decided: g.decision !== null })),
      })),
    );
  }

  /** How many event and notification keys this workflow id has used, to carry into a next run. */
  get eventsKeyed(): number {
    return this.timeline.eventsKeyed;
  }

  get processId(): string {
    return this.timeline.processId;
  }

  /** Open steps, most recent last: what the process is waiting on now. */
  openStepKeys(): string[] {
    return [...this.open.keys()];
  }

  /** Runs one occurrence of a catalogue step; the outcome's form is typed by the step's schema. */
  async run<D extends HumanStepDefinition>(step: D, options: StepRunOptions): Promise<StepOutcome<FormOf<D>>> {
    return this.runSpec<FormOf<D>>(stepSpec(step, options));
  }

  private async runSpec<F>(spec: HumanStepSpec): Promise<StepOutcome<F>> {
    const round = (this.rounds.get(spec.key) ?? 0) + 1;
    this.rounds.set(spec.key, round);
    this.ended.delete(spec.key);
    const whole = patched(WHOLE_OPENING);
    const oneWrite = whole && patched(ONE_WRITE);
    const inOne = oneWrite && patched(STEP_IN_ONE_ACTIVITY);
    const scheduleInput = {
      openedAt: new Date().toISOString(),
      deadline: spec.deadline,
      remindBefore: spec.remindBefore,
      escalateAfter: spec.escalate?.map((e) => e.after),
    };
    const resolve = () => (oneWrite ? local : acts).resolveStepSchedule(scheduleInput);
    const schedule = inOne ? UNSCHEDULED : whole ? await CancellationScope.nonCancellable(resolve) : await resolve();
    // Cancelled before any task was opened: nothing to open, nothing to close.
    const scope = CancellationScope.current();
    if (whole && scope.consideredCancelled) await scope.cancelRequested;
    const assignees = Array.isArray(spec.assignee) ? spec.assignee : [spec.assignee];
    const step: OpenStep = {
      spec,
      round,
      signers: [],
      mode: spec.signMode ?? 'any',
      schedule,
      reminded: false,
      overdue: false,
      escalated: 0,
      version: 0,
    };
    this.open.set(spec.key, step);
    const early = this.closedEarly.get(spec.key);
    if (early !== undefined) {
      this.closedEarly.delete(spec.key);
      step.closed = early;
    }
    this.active++;
    try {
      if (inOne)
        await CancellationScope.nonCancellable(() =>
          announceScheduled(this.timeline, this.waiting, step, assignees, scheduleInput),
        );
      else if (oneWrite)
        await CancellationScope.nonCancellable(() => announceInOneWrite(this.timeline, this.waiting, step, assignees));
      else if (whole)
        await CancellationScope.nonCancellable(() => announce(this.timeline, this.waiting, step, assignees));
      else {
        // As recorded: the same awaits, so steps opening side by side emit their commands in the same order.
        for (const assignee of assignees) await addSigner(this.timeline, step, assignee, null);
        for (const cc of spec.cc ?? [])
          await this.timeline.notify(step, 'task_cc', [cc], `抄送：${spec.name}`, step.signers[0]);
        await this.waiting.sync();
      }
      await waitForOutcome(this.timeline, step, (key, reason) => this.close(key, reason));
      if (step.closed) {
        // A decision accepted before the close still lands and stands.
        await condition(() => step.outcome !== undefined || !deciding(step));
        if (!step.outcome) {
          await expireStep(this.timeline, step, step.closed);
          throw new StepClosed(spec.key, step.closed);
        }
      }
      return step.outcome as StepOutcome<F>;
    } catch (error) {
      if (isCancellation(error))
        await CancellationScope.nonCancellable(() => cancelStep(this.timeline, step, 'process cancelled'));
      throw error;
    } finally {
      this.open.delete(spec.key);
      this.ended.add(spec.key);
      await CancellationScope.nonCancellable(() => this.waiting.sync(oneWrite, inOne));
      this.active--;
    }
  }

  /**
   * Closes an open step without a decision, at the workflow's word (推荐窗口截止 and the like):
   * no decision is taken from now on, the undecided tasks are cancelled with the reason on the
   * timeline (the engine's doing: no actor), and the step's `run` throws StepClosed. False when
   * no such step is open or it is already decided.
   */
  close(key: string, reason: string): boolean {
    const step = this.open.get(key);
    if (!step || step.outcome || step.closed) return false;
    step.closed = reason;
    step.version++;
    return true;
  }

  /**
   * `close`, for a step that may still be opening (its schedule being read): an open step closes
   * now, one not yet open closes as soon as it opens (its tasks are opened and closed at once,
   * the timeline saying why). False when the step is decided or a decision is being taken.
   */
  closeOnOpen(key: string, reason: string): boolean {
    if (this.open.has(key)) return !this.decisionTaken(key) && this.close(key, reason);
    this.closedEarly.set(key, reason);
    return true;
  }

  /**
   * Whether someone has decided the open step `key`, or is deciding it now (the Update accepted,
   * its handler still writing): whatever else races the decision must yield to it.
   */
  decisionTaken(key: string): boolean {
    const step = this.open.get(key);
    return step !== undefined && (step.outcome !== undefined || deciding(step));
  }

  /** Whether the latest run of step `key` has ended: decided, closed or cancelled. */
  hasEnded(key: string): boolean {
    return this.ended.has(key);
  }

  /** After a cancellation: waits until every step has closed its tasks and said so. */
  async settle(): Promise<void> {
    await CancellationScope.nonCancellable(() => condition(() => this.active === 0));
  }

  // ---- the Update: validator (no side effects) and handler ----

  private validate(req: TaskActionRequest): void {
    const found = findSigner(this.open, req.taskKey);
    if (!found || found.step.outcome || found.step.closed || found.signer.decision || found.signer.closing)
      refuse('task_closed', 'the task is already decided or closed');
    const { step, signer } = found;
    const { actor, action } = req;
    const isAssignee = actorIsAssignee(signer.assignee, actor);
    const isSupervisor = actorIsSupervisor(actor, signer.assignee, step.spec.townshipId);
    const isInitiator = this.process.startedBy !== null && actor.userId === this.process.startedBy;
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
        const problems = checkForm(this.process.forms, step.spec.form, req.form);
        for (const path of step.spec.formRequires ?? []) {
          const value = path
            .split('.')
            .reduce<unknown>(
              (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
              req.form,
            );
          if (value === undefined || value === null || value === '')
            problems.push({ field: path, message: 'required' });
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

  private async act(req: TaskActionRequest): Promise<TaskActionResult> {
    const { step, signer } = findSigner(this.open, req.taskKey)!;
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
      const event = () => this.timeline.eventInput(step, signer, decision, actor, detail, req.comment);
      if (patched(ONE_WRITE) && patched(STEP_IN_ONE_ACTIVITY)) {
        const others = undecided(step).filter((s) => s !== signer).length;
        if (step.mode === 'any' || decision !== 'approve' || others === 0) {
          // The decision ends the step: the read model hears what the process waits on next now.
          const currentStep = this.waiting.currentStepName(step);
          await this.waiting.writingCurrentStep(currentStep, () =>
            local.decideTask({ close, event: event(), process: { id: this.processId, currentStep } }),
          );
        } else await local.decideTask({ close, event: event() });
        signer.decision = decision;
      } else if (patched(ONE_WRITE)) {
        await local.decideTask({ close, event: event() });
        signer.decision = decision;
      } else {
        await acts.closeTask(close);
        signer.decision = decision;
        await this.timeline.event(step, signer, decision, actor, detail, req.comment);
      }
      const finished = step.mode === 'any' || decision !== 'approve' || undecided(step).length === 0;
      if (finished) {
        for (const other of undecided(step))
          await cancelSigner(this.timeline, step, other, 'decided by another signer');
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
      await this.operate(step, signer, req);
    }
    step.version++;
    return { taskKey: req.taskKey, action: req.action, stepOpen: step.outcome === undefined };
  }

  private async operate(step: OpenStep, signer: Signer, req: TaskActionRequest): Promise<void> {
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
        await this.timeline.event(step, signer, 'transferred', actor, { from, to }, req.comment);
        await this.timeline.notify(step, 'task_assigned', [to], `转交给您：${step.spec.name}`, signer);
        return;
      }
      case 'add_signer':
        // 加签: the added people must decide too, so the step now waits for every signer.
        step.mode = 'all';
        for (const userId of req.userIds!) await addSigner(this.timeline, step, { kind: 'user', userId }, actor);
        await this.timeline.event(step, signer, 'signer_added', actor, detail, req.comment);
        return;
      case 'cc':
        await this.timeline.notify(
          step,
          'task_cc',
          req.userIds!.map((userId) => ({ kind: 'user', userId }) as Assignee),
          `抄送：${step.spec.name}`,
          signer,
        );
        await this.timeline.event(step, signer, 'cc', actor, detail, req.comment);
        return;
      case 'urge':
        await this.timeline.notify(step, 'task_urged', [signer.assignee], `催办：${step.spec.name}`, signer);
        await this.timeline.event(step, signer, 'urged', actor, {}, req.comment);
        return;
      case 'comment':
        await this.timeline.event(step, signer, 'commented', actor, {}, req.comment);
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
        await this.timeline.event(
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

  /**
   * The read model and search attributes say what the process waits on now. `onlyChanged`: no
   * write when the read model was last told the same (a decision ending its step told it).
   */
  syncProcess(oneWrite = false, onlyChanged = false): Promise<void> {
    return this.waiting.sync(oneWrite, onlyChanged);
  }

  /** An event of the process as a whole (mentor replaced, term extended …) on its timeline. */
  recordProcessEvent(
    action: ProcessEvent,
    actor: Actor | null,
    detail: Record<string, unknown>,
    comment?: string,
  ): Promise<void> {
    return this.timeline.recordProcessEvent(action, actor, detail, comment);
  }

  /** 更换导师 and the like: the undecided tasks of one person pass to another, history kept. */
  async reassignOpen(fromUserId: number, toUserId: number, actor: Actor, reason: string): Promise<number> {
    let moved = 0;
    for (const step of this.open.values()) {
      for (const signer of undecided(step)) {
        if (signer.closing || signer.assignee.kind !== 'user' || signer.assignee.userId !== fromUserId) continue;
        await this.operate(step, signer, {
          taskKey: signer.taskKey,
          action: 'transfer',
          actor,
          userIds: [toUserId],
          comment: reason,
        });
        step.version++;
        moved++;
      }
    }
    await this.waiting.sync();
    return moved;
  }
}
