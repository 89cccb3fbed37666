// Annual assessment cycle (年度考核), declared as data: durations, inputs, messages
// (its steps: annual-assessment-steps.ts).
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../human-step/types.js';
import type { Rubric } from './rubric.js';

export const ANNUAL_ASSESSMENT = 'annual-assessment';

export interface AssessmentSettings {
  selfReportDays: number;
  reviewWorkingDays: number;
  scoringWorkingDays: number;
  /** From the start of the cycle until ranking goes ahead with whoever is scored. */
  rankingDeadlineDays: number;
  noticeWorkingDays: number;
  objectionAnswerWorkingDays: number;
  reminderTalkWorkingDays: number;
  /** For the township officer to publish the ranking (发布公示), and later to confirm the results. */
  publishWorkingDays: number;
  confirmWorkingDays: number;
}

export const DEFAULT_ASSESSMENT_SETTINGS: AssessmentSettings = {
  selfReportDays: 14,
  reviewWorkingDays: 5,
  scoringWorkingDays: 10,
  rankingDeadlineDays: 45,
  noticeWorkingDays: 5,
  objectionAnswerWorkingDays: 3,
  reminderTalkWorkingDays: 10,
  publishWorkingDays: 3,
  confirmWorkingDays: 3,
};

export interface CycleInput {
  /** Absent when a schedule starts it: the year (China time) of the scheduled moment. */
  year?: number;
  rubric: Rubric;
  settings?: Partial<AssessmentSettings>;
  startedBy: number | null;
  /** Prefix of the ids of the workflows it starts (see the API's idPrefix). */
  idPrefix?: string;
  /** Only these townships; all when absent. */
  townshipIds?: number[];
}

export interface TownshipCycleInput extends Omit<CycleInput, 'townshipIds' | 'year'> {
  year: number;
  townshipId: number;
}

export interface CadreAssessmentInput {
  year: number;
  townshipId: number;
  villageId: number;
  person: { personId: number; userId: number; name: string };
  isSecretary: boolean;
  rubric: Rubric;
  settings: AssessmentSettings;
  startedBy: number | null;
}

export interface CadreAssessmentResult {
  personId: number;
  scores: Record<string, number>;
  total: number;
}

/** Workflow ids that make a second start of the same year a no-op rather than a duplicate. */
export const townshipCycleId = (prefix: string, year: number, townshipId: number) =>
  `${prefix}${ANNUAL_ASSESSMENT}-${year}-t${townshipId}`;
export const cadreAssessmentId = (prefix: string, year: number, personId: number) =>
  `${prefix}${ANNUAL_ASSESSMENT}-${year}-p${personId}`;

export const fileObjectionUpdate = defineUpdate<
  { objection: number },
  [{ actor: Actor; personId: number; reason: string }]
>('fileObjection');

export interface CycleProgress {
  /** `ranked`: waiting for the officer to publish; `closing`: for the officer to confirm the results. */
  phase: 'assessing' | 'ranked' | 'notice' | 'answering' | 'closing' | 'outcomes' | 'done';
  assessed: number;
  total: number;
  rankingVersion: number;
  objections: number;
}
export const cycleProgressQuery = defineQuery<CycleProgress>('cycleProgress');
