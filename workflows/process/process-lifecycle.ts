// Start and end of every process: the read model row and the search attributes that make
// "all running pairings in township 3" one query.
import { proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { RegisterProcessInput, TaskActivities } from '../../activities/human-steps/task-activities.js';
import type { ProcessStatus as Status } from '../../db/schema.js';
import { ProcessStatus, ProcessType, SubjectPersonId, TownshipId, VillageId } from '../search-attributes.js';

const acts = proxyActivities<TaskActivities>({ startToCloseTimeout: '30 seconds' });

/** What a process says about itself when it starts; its id is the workflow's. */
export type ProcessIdentity = Omit<RegisterProcessInput, 'id'>;

export async function beginProcess(identity: ProcessIdentity): Promise<void> {
  upsertSearchAttributes([
    { key: ProcessType, value: identity.type },
    { key: ProcessStatus, value: 'running' },
    ...(identity.townshipId != null ? [{ key: TownshipId, value: identity.townshipId }] : []),
    ...(identity.villageId != null ? [{ key: VillageId, value: identity.villageId }] : []),
    ...(identity.subjectPersonId != null ? [{ key: SubjectPersonId, value: identity.subjectPersonId }] : []),
  ]);
  await acts.registerProcess({ id: workflowInfo().workflowId, ...identity });
}

export async function endProcess(status: Status, outcome: Record<string, unknown>): Promise<void> {
  upsertSearchAttributes([{ key: ProcessStatus, value: status }]);
  await acts.updateProcess({
    id: workflowInfo().workflowId,
    status,
    outcome,
    currentStep: null,
    endedAt: new Date().toISOString(),
  });
}
