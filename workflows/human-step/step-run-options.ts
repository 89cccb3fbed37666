// What one run of a catalogue step is given by its process, and the step's spec that results:
// the catalogue's declaration with this run's assignee, deadline, chain and names laid over it.
import { patched } from '@temporalio/workflow';
import { ESCALATION_CHAINS } from './step-patches.js';
import { occurrenceKey, type HumanStepDefinition } from './step-catalogue.js';
import type { Assignee, Deadline, EscalationHop, HumanStepSpec, Offset, SignMode, StepClosing } from './types.js';

/** What varies from one run of a step to the next; the rest comes from the catalogue. */
export interface StepRunOptions {
  assignee: Assignee | Assignee[];
  /** The unit the task belongs to, for scope (who may see it) and webhooks. */
  townshipId: number | null;
  villageId?: number | null;
  /** When the catalogue has none, or this start's settings set another. */
  deadline?: Deadline;
  context?: Record<string, unknown>;
  /** The occurrence's number: `exchange.m3` for 3; absent for a step that occurs once. */
  occurrence?: number | string;
  /** The occurrence's own name (第 3 月定期交流, 异议答复：张三); the catalogue's otherwise. */
  name?: string;
  /** Fields this occurrence requires beyond the form's schema (e.g. every item of this cycle's rubric). */
  formRequires?: string[];
  signMode?: SignMode;
  cc?: Assignee[];
  /** When this start's settings move the reminder or the chain (a pairing's exchange days). */
  remindBefore?: Offset;
  escalate?: readonly EscalationHop[];
  legacyEscalate?: readonly EscalationHop[];
  /** The step closes undecided at this time, for this reason (a window's end): see `close`. */
  closes?: StepClosing;
}

/** The spec of one run of `step`; throws when neither the catalogue nor the run names a deadline. */
export function stepSpec(step: HumanStepDefinition, options: StepRunOptions): HumanStepSpec {
  const deadline = options.deadline ?? step.deadline;
  if (!deadline) throw new Error(`step ${step.key} needs a deadline`);
  const chains = patched(ESCALATION_CHAINS);
  return {
    key: occurrenceKey(step, options.occurrence),
    name: options.name ?? step.name,
    form: step.form,
    formRequires: options.formRequires,
    assignee: options.assignee,
    signMode: options.signMode,
    decisions: step.decisions,
    returnTo: step.returnTo,
    deadline,
    remindBefore: options.remindBefore ?? step.remindBefore,
    escalate: chains ? (options.escalate ?? step.escalate) : (options.legacyEscalate ?? step.legacyEscalate),
    cc: options.cc,
    context: options.context,
    townshipId: options.townshipId,
    villageId: options.villageId,
    closes: options.closes,
  };
}
