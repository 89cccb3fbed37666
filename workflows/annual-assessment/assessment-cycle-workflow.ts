// The county's yearly start (全县年度考核): one township workflow per township, with ids that
// make a second start of the same year a no-op. Started by a Temporal Schedule every year,
// or by hand for the county or some townships.
import {
  SearchAttributeType,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  defineSearchAttributeKey,
} from '@temporalio/common';
import { ParentClosePolicy, patched, startChild, workflowInfo } from '@temporalio/workflow';
import { boundedActivities } from '../process/activity-incidents.js';
import type { AssessmentActivities } from '../../activities/annual-assessment/assessment-activities.js';
import { chinaYear } from '../../domain/china-time.js';
import { beginProcess, endIfCancelled, endProcess } from '../process/process-lifecycle.js';
import { ANNUAL_ASSESSMENT, townshipCycleId, type CycleInput } from './annual-assessment-definition.js';
import { townshipAssessment } from './township-assessment-workflow.js';

const acts = boundedActivities<AssessmentActivities>({ startToCloseTimeout: '1 minute' });

/** Set by Temporal on every run a schedule starts: the moment it was due (a backfill's past one too). */
const ScheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/** The year in China (UTC+8) of the scheduled moment, else of this run's start; both come from history. */
function yearOfStart(): number {
  const info = workflowInfo();
  const at = info.typedSearchAttributes.get(ScheduledStartTime) ?? info.startTime;
  return chinaYear(at);
}

/** Since this patch the county's start is a process of its own: the county finds it in the list. */
export const CYCLE_IS_A_PROCESS = 'assessment-cycle-is-a-process';

/** `alreadyRunning` lists townships whose year was started before, still running or finished. */
export async function assessmentCycle(input: CycleInput): Promise<{ started: number[]; alreadyRunning: number[] }> {
  const year = input.year ?? yearOfStart();
  if (!patched(CYCLE_IS_A_PROCESS)) return launch(input, year);
  try {
    await beginProcess({
      type: ANNUAL_ASSESSMENT,
      title: `${year}年度考核（全县启动）`,
      townshipId: null,
      villageId: null,
      subjectPersonId: null,
      startedBy: input.startedBy,
      params: { year, level: 'county', townshipIds: input.townshipIds ?? null },
    });
    const result = await launch(input, year);
    await endProcess('completed', { ...result });
    return result;
  } catch (error) {
    return endIfCancelled(error, { settle: async () => {} });
  }
}

async function launch(input: CycleInput, year: number): Promise<{ started: number[]; alreadyRunning: number[] }> {
  const townshipIds = input.townshipIds ?? (await acts.listTownshipIds());
  const started: number[] = [];
  const alreadyRunning: number[] = [];
  const { townshipIds: _all, ...shared } = input;
  for (const townshipId of townshipIds) {
    try {
      await startChild(townshipAssessment, {
        workflowId: townshipCycleId(input.idPrefix ?? '', year, townshipId),
        // A township's year goes on by itself once started; this launcher only starts them.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        // A finished year is not started again either: a year is assessed once.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [{ ...shared, year, townshipId }],
      });
      started.push(townshipId);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      alreadyRunning.push(townshipId);
    }
  }
  return { started, alreadyRunning };
}
