// A step's tasks (待办), one a signer: opened, cancelled or closed undecided, each with its
// event on the timeline. Decisions close theirs in `task-actions.ts`.
import { undecided, type OpenStep, type Signer } from './open-step.js';
import { acts } from './step-activity-proxies.js';
import type { StepTimeline } from './step-timeline.js';
import type { Actor, Assignee } from './types.js';

/**
 * A signer known to the validator before its row exists: whoever sees the row in the inbox
 * can act at once, even before the activity's result reaches the workflow.
 */
export function newSigner(timeline: StepTimeline, step: OpenStep, assignee: Assignee): Signer {
  const index = step.signers.length;
  const taskKey = `${timeline.processId}:${step.spec.key}:${step.round}${index ? `:${index}` : ''}`;
  const signer: Signer = { assignee, taskKey, taskId: 0, decision: null, closing: false };
  step.signers.push(signer);
  return signer;
}

export function openInput(timeline: StepTimeline, step: OpenStep, signer: Signer) {
  const { process } = timeline;
  return {
    taskKey: signer.taskKey,
    processId: timeline.processId,
    processType: process.type,
    stepKey: step.spec.key,
    stepName: step.spec.name,
    round: step.round,
    form: step.spec.form,
    actions: [...step.spec.decisions],
    assignee: signer.assignee,
    townshipId: step.spec.townshipId,
    villageId: step.spec.villageId ?? null,
    context: { ...step.spec.context, processTitle: process.title, returnTo: step.spec.returnTo ?? [] },
  };
}

export async function addSigner(
  timeline: StepTimeline,
  step: OpenStep,
  assignee: Assignee,
  by: Actor | null,
): Promise<void> {
  const signer = newSigner(timeline, step, assignee);
  signer.taskId = await acts.openTask({ ...openInput(timeline, step, signer), dueAt: step.schedule.dueAt });
  await timeline.event(step, signer, 'opened', by, { assignee, dueAt: step.schedule.dueAt });
  await timeline.notify(step, 'task_assigned', [assignee], `新待办：${step.spec.name}`, signer);
}

export async function cancelSigner(
  timeline: StepTimeline,
  step: OpenStep,
  signer: Signer,
  reason: string,
): Promise<void> {
  signer.closing = true;
  await acts.closeTask({ taskKey: signer.taskKey, status: 'cancelled', at: new Date().toISOString() });
  await timeline.event(step, signer, 'cancelled', null, { reason });
}

/** The step closed undecided: each open task ends, the timeline says why. */
export async function expireStep(timeline: StepTimeline, step: OpenStep, reason: string): Promise<void> {
  for (const signer of undecided(step)) {
    if (signer.closing) continue;
    signer.closing = true;
    await acts.closeTask({ taskKey: signer.taskKey, status: 'cancelled', at: new Date().toISOString() });
    await timeline.event(step, signer, 'closed', null, { reason }, reason);
  }
}

export async function cancelStep(timeline: StepTimeline, step: OpenStep, reason: string): Promise<void> {
  for (const signer of undecided(step)) if (!signer.closing) await cancelSigner(timeline, step, signer, reason);
}
