// Annual assessment cycle (年度考核), declared as data: durations, inputs, messages, steps.
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
export const townshipCycleId = (prefix: string, year: number, townshipId: number) => `${prefix}${ANNUAL_ASSESSMENT}-${year}-t${townshipId}`;
export const cadreAssessmentId = (prefix: string, year: number, personId: number) => `${prefix}${ANNUAL_ASSESSMENT}-${year}-p${personId}`;

export const fileObjectionUpdate = defineUpdate<{ objection: number }, [{ actor: Actor; personId: number; reason: string }]>('fileObjection');

export interface CycleProgress {
  /** `ranked`: waiting for the officer to publish; `closing`: for the officer to confirm the results. */
  phase: 'assessing' | 'ranked' | 'notice' | 'answering' | 'closing' | 'outcomes' | 'done';
  assessed: number;
  total: number;
  rankingVersion: number;
  objections: number;
}
export const cycleProgressQuery = defineQuery<CycleProgress>('cycleProgress');

export const ANNUAL_ASSESSMENT_STEPS = [
  { key: 'self-report', name: '述职自评', role: 'cadre', next: ['review'] },
  { key: 'review', name: '村党组织书记评议', role: 'village_secretary', next: ['score'] },
  { key: 'score', name: '乡镇评分', role: 'township_officer', next: ['ranking'] },
  { key: 'ranking', name: '乡镇排名', role: null, next: ['publish-notice'] },
  { key: 'publish-notice', name: '发布公示', role: 'township_officer', next: ['notice'] },
  { key: 'notice', name: '公示', role: null, next: ['objection.answer', 'confirm-results'] },
  { key: 'objection.answer', name: '异议答复', role: 'township_officer', next: ['rescore', 'notice'] },
  { key: 'rescore', name: '重新评分', role: 'township_officer', next: ['ranking'] },
  { key: 'confirm-results', name: '确认考核结果', role: 'township_officer', next: ['outcomes'] },
  { key: 'outcomes', name: '结果运用', role: null, next: ['reminder-talk', 'end'] },
  { key: 'reminder-talk', name: '提醒谈话', role: 'township_secretary', next: ['end'] },
  { key: 'end', name: '结束', role: null, next: [] },
] as const;
