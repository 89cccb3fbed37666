// A pairing's approval task as the tests of the task writes open it.
import type { OpenTaskInput } from './task-activities.js';

export function approvalTaskInput(processId: string, townshipId: number): OpenTaskInput {
  return {
    taskKey: `${processId}:proposal.approval:1`,
    processId,
    processType: 'mentor-pairing',
    stepKey: 'proposal.approval',
    stepName: '结对审批',
    round: 1,
    form: 'approval',
    actions: ['approve', 'reject'],
    assignee: { kind: 'role', role: 'township_secretary', townshipId },
    townshipId,
    villageId: null,
    dueAt: '2026-12-01T16:00:00.000Z',
    context: {},
  };
}
