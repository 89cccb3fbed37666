// The ways a step's tasks open, each a version of its commands (see `step-patches.ts`): task by
// task (`announce`), in one local activity once the schedule is known (`announceInOneWrite`), or
// in one local activity that resolves the schedule too (`announceScheduled`), as a step opens
// today. Each opens the tasks, tells whom they concern (and whoever is copied) and says what the
// process waits on now; `HumanSteps.run` chooses by the run's patches.
import type { OpenScheduledStepInput } from '../../activities/human-steps/transition-activities.js';
import type { OpenStep } from './open-step.js';
import type { ProcessWaitingOn } from './process-waiting-on.js';
import { local } from './step-activity-proxies.js';
import { addSigner, newSigner, openInput } from './step-tasks.js';
import type { StepTimeline } from './step-timeline.js';
import type { Assignee } from './types.js';

/** Opens the step's tasks, tells who it concerns, and says what the process waits on now. */
export async function announce(
  timeline: StepTimeline,
  waiting: ProcessWaitingOn,
  step: OpenStep,
  assignees: Assignee[],
): Promise<void> {
  for (const assignee of assignees) await addSigner(timeline, step, assignee, null);
  for (const cc of step.spec.cc ?? [])
    await timeline.notify(step, 'task_cc', [cc], `抄送：${step.spec.name}`, step.signers[0]);
  await waiting.sync();
}

/** The same as `announce`, written in one transaction. */
export async function announceInOneWrite(
  timeline: StepTimeline,
  waiting: ProcessWaitingOn,
  step: OpenStep,
  assignees: Assignee[],
): Promise<void> {
  const tasks = assignees.map((assignee) => {
    const signer = newSigner(timeline, step, assignee);
    return {
      open: { ...openInput(timeline, step, signer), dueAt: step.schedule.dueAt },
      event: timeline.eventInput(step, signer, 'opened', null, { assignee, dueAt: step.schedule.dueAt }),
      notice: timeline.notifyInput(step, 'task_assigned', [assignee], `新待办：${step.spec.name}`),
    };
  });
  const cc = (step.spec.cc ?? []).map((to) => timeline.notifyInput(step, 'task_cc', [to], `抄送：${step.spec.name}`));
  const ids = await local.openStep({
    tasks,
    cc,
    process: { id: timeline.processId, currentStep: waiting.searchAttributesNow() },
  });
  step.signers.slice(-ids.length).forEach((signer, i) => (signer.taskId = ids[i]));
}

/** The same, the activity resolving the step's schedule first: one local activity in all. */
export async function announceScheduled(
  timeline: StepTimeline,
  waiting: ProcessWaitingOn,
  step: OpenStep,
  assignees: Assignee[],
  schedule: OpenScheduledStepInput['schedule'],
): Promise<void> {
  const { spec } = step;
  const tasks = assignees.map((assignee) => {
    const signer = newSigner(timeline, step, assignee);
    return {
      open: openInput(timeline, step, signer),
      event: timeline.eventInput(step, signer, 'opened', null, { assignee }),
      notice: timeline.noticeHead(step, 'task_assigned', [assignee], `新待办：${spec.name}`),
    };
  });
  const cc = (spec.cc ?? []).map((to) => timeline.noticeHead(step, 'task_cc', [to], `抄送：${spec.name}`));
  const currentStep = waiting.searchAttributesNow();
  const opened = await waiting.writingCurrentStep(currentStep, () =>
    local.openScheduledStep({
      schedule,
      about: { processTitle: timeline.process.title, stepName: spec.name },
      tasks,
      cc,
      process: { id: timeline.processId, currentStep },
    }),
  );
  step.schedule = opened.schedule;
  step.signers.slice(-opened.taskIds.length).forEach((signer, i) => (signer.taskId = opened.taskIds[i]));
}
