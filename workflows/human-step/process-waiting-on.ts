// What a process waits on now, told to the read model (its current step, by name) and to
// Temporal's search attributes (the open step's key, the people and roles it waits on). Writes
// of the read model are counted so that a step's end skips one when the row already says it.
import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { CurrentStep, WaitingOn } from '../search-attributes.js';
import { waitingOn, type OpenStep } from './open-step.js';
import { acts, local } from './step-activity-proxies.js';
import type { Assignee } from './types.js';

/** What the read model's current step says is not known: two writes of it overlapped. */
const UNKNOWN = Symbol('unknown');

/** How "waiting on" reads in a visibility query: `user:12`, `role:township_officer@3`. */
export function waitingOnKey(assignee: Assignee): string {
  return assignee.kind === 'user'
    ? `user:${assignee.userId}`
    : `role:${assignee.role}@${assignee.townshipId ?? ''}${assignee.villageId ? `/${assignee.villageId}` : ''}`;
}

export class ProcessWaitingOn {
  /** The current step the read model was last told, and the writes of it under way. */
  private written: string | null | typeof UNKNOWN = UNKNOWN;
  private writing = 0;

  /** `open`: the process's open steps, most recent last (the engine's own map, read live). */
  constructor(private readonly open: ReadonlyMap<string, OpenStep>) {}

  private get processId(): string {
    return workflowInfo().workflowId;
  }

  /**
   * The read model and search attributes say what the process waits on now. `onlyChanged`: no
   * write when the read model was last told the same (a decision ending its step told it).
   */
  async sync(oneWrite = false, onlyChanged = false): Promise<void> {
    const current = this.searchAttributesNow();
    // Runs recorded before keep their exact awaits: the order of commands depends on them.
    if (!onlyChanged) {
      await (oneWrite ? local : acts).updateProcess({ id: this.processId, currentStep: current });
      this.written = UNKNOWN;
      return;
    }
    if (this.writing === 0 && this.written === current) return;
    await this.writingCurrentStep(current, () => local.updateProcess({ id: this.processId, currentStep: current }));
  }

  /**
   * A write of the read model's current step by a step opened or ended in one activity;
   * remembers what it said when no other write of it overlapped (those of runs recorded before
   * are not counted, so such a run never skips a write).
   */
  async writingCurrentStep<T>(value: string | null, write: () => Promise<T>): Promise<T> {
    // Two writes at once may commit in either order: what the row says is then not known.
    const overlapped = this.writing > 0;
    this.writing++;
    let done = false;
    try {
      const result = await write();
      done = true;
      return result;
    } finally {
      this.writing--;
      this.written = done && !overlapped && this.writing === 0 ? value : UNKNOWN;
    }
  }

  /** Sets the search attributes to what the process waits on now; the read model's current step. */
  searchAttributesNow(): string | null {
    const steps = [...this.open.values()];
    upsertSearchAttributes([
      { key: CurrentStep, value: steps.length ? steps[steps.length - 1].spec.key : null },
      { key: WaitingOn, value: [...new Set(steps.flatMap((s) => waitingOn(s).map(waitingOnKey)))] },
    ]);
    return this.currentStepName();
  }

  /** The read model's current step: the names of the open steps, but `except`. */
  currentStepName(except?: OpenStep): string | null {
    const steps = [...this.open.values()].filter((s) => s !== except);
    return steps.map((s) => s.spec.name).join('、') || null;
  }
}
