// The step activities as the workflow calls them, proxied once for every module of the engine.
// The proxies hold no state; they only say how a call is scheduled.
import { boundedActivities, boundedLocalActivities } from '../process/activity-incidents.js';
import type { StepActivities } from './step-activities.js';

export const acts = boundedActivities<StepActivities>({ startToCloseTimeout: '30 seconds' });

/** Short database writes, run in the worker within the workflow task: no round trip per row. */
export const local = boundedLocalActivities<StepActivities>({ startToCloseTimeout: '30 seconds' });
