// Messages every process with human steps answers; defined once, used by workflows and the API.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TaskActionRequest, TaskActionResult } from './types.js';

/** Every action on a task (decide, transfer, urge …) is this Update, checked by a validator. */
export const actOnTaskUpdate = defineUpdate<TaskActionResult, [TaskActionRequest]>('actOnTask');

export interface OpenStepView {
  key: string;
  name: string;
  round: number;
  /** Null while the step is opening (its schedule not resolved yet). */
  dueAt: string | null;
  signers: { taskKey: string; decided: boolean }[];
}

export const openStepsQuery = defineQuery<OpenStepView[]>('openSteps');
