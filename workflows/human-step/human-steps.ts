// The one way a qinglan process waits on people. `steps.run(spec)` opens the task(s), reminds
// before the deadline, escalates after it, takes decisions through the `actOnTask` Update
// (checked by a validator first) and returns the decision. Everything here is deterministic:
// clocks come from the workflow, calendars and writes from activities.
//
// This file holds a step's life from opening to end and what the process asks of its steps; the
// parts live beside it: `step-opening.ts` (the tasks open), `step-alarms.ts` (reminders,
// escalation, a window's end), `task-action-checks.ts` and `task-actions.ts` (the Update),
// `step-tasks.ts` and `step-timeline.ts` (the writes), `process-waiting-on.ts` (the read model).
// One HumanSteps per workflow run holds all of a run's state; the modules keep none of their own.
import { CancellationScope, condition, isCancellation, patched, setHandler } from '@temporalio/workflow';
import { actOnTaskUpdate, openStepsQuery } from './messages.js';
import { deciding, findSigner, StepClosed, UNSCHEDULED, undecided, type OpenStep } from './open-step.js';
import type { ProcessEvent } from './process-events.js';
import { ProcessWaitingOn } from './process-waiting-on.js';
import { waitForOutcome } from './step-alarms.js';
import { acts, local } from './step-activity-proxies.js';
import type { FormOf, HumanStepDefinition } from './step-catalogue.js';
import { announce, announceInOneWrite, announceScheduled } from './step-opening.js';
import { ONE_WRITE, STEP_IN_ONE_ACTIVITY, WHOLE_OPENING } from './step-patches.js';
import { stepSpec, type StepRunOptions } from './step-run-options.js';
import { addSigner, cancelStep, expireStep } from './step-tasks.js';
import { StepTimeline, type ProcessContext } from './step-timeline.js';
import { validateTaskAction } from './task-action-checks.js';
import { act, operate } from './task-actions.js';
import type { Actor, HumanStepSpec, StepOutcome } from './types.js';

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

  constructor(process: ProcessContext) {
    this.timeline = new StepTimeline(process);
    setHandler(actOnTaskUpdate, (req) => act(this.timeline, this.waiting, this.open, req), {
      validator: (req) => validateTaskAction(findSigner(this.open, req.taskKey), req, process),
    });
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
        await operate(this.timeline, step, signer, {
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
