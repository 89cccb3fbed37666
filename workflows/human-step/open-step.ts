// A step while it runs, as the workflow holds it: its tasks (one a signer), their decisions and
// where its reminders and escalations stand. Plain data and the questions asked of it; every
// write is elsewhere.
import type { StepSchedule } from './step-activities.js';
import type { Assignee, Decision, HumanStepSpec, StepOutcome } from './types.js';

/** The schedule of a step whose opening activity has not answered yet. */
export const UNSCHEDULED: StepSchedule = { dueAt: '', remindAt: null, escalateAt: [] };

export interface Signer {
  assignee: Assignee;
  taskKey: string;
  taskId: number;
  decision: Decision | null;
  /** Set synchronously when a decision is accepted, so a second one is refused at once. */
  closing: boolean;
}

export interface OpenStep {
  spec: HumanStepSpec;
  round: number;
  signers: Signer[];
  mode: 'all' | 'any';
  schedule: StepSchedule;
  reminded: boolean;
  overdue: boolean;
  escalated: number;
  version: number;
  outcome?: StepOutcome;
  /** Set by `close`: the step ends undecided, for this reason. */
  closed?: string;
}

/**
 * How `run` ends when the workflow closed the step before anyone decided it (a window's end):
 * the caller that closes a step catches this and goes on without a decision.
 */
export class StepClosed extends Error {
  override readonly name = 'StepClosed';
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`step ${key} closed: ${reason}`);
  }
}

export function undecided(step: OpenStep): Signer[] {
  return step.signers.filter((s) => s.decision === null);
}

/** A decision accepted by the validator whose handler has not finished yet. */
export function deciding(step: OpenStep): boolean {
  return step.signers.some((s) => s.closing && s.decision === null);
}

export function waitingOn(step: OpenStep): Assignee[] {
  return undecided(step).map((s) => s.assignee);
}

export function findSigner(
  open: ReadonlyMap<string, OpenStep>,
  taskKey: string,
): { step: OpenStep; signer: Signer } | undefined {
  for (const step of open.values()) {
    const signer = step.signers.find((s) => s.taskKey === taskKey);
    if (signer) return { step, signer };
  }
  return undefined;
}
