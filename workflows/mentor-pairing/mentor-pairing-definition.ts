// Mentor pairing over a term (导师帮带), declared as data: its steps for the diagram, its
// default durations (a county admin may change them per start), and the messages it answers.
import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../human-step/types.js';

export const MENTOR_PAIRING = 'mentor-pairing';

export interface MentorPairingSettings {
  approvalWorkingDays: number;
  growthPlanDays: number;
  reviewWorkingDays: number;
  termMonths: number;
  remindDaysBeforeMonthEnd: number;
  escalateDaysAfterMonthEnd: number;
  midtermMonth: number;
  evaluationDays: number;
  extensionMonths: number;
}

export const DEFAULT_MENTOR_PAIRING_SETTINGS: MentorPairingSettings = {
  approvalWorkingDays: 5,
  growthPlanDays: 14,
  reviewWorkingDays: 5,
  termMonths: 12,
  remindDaysBeforeMonthEnd: 3,
  escalateDaysAfterMonthEnd: 7,
  midtermMonth: 6,
  evaluationDays: 14,
  extensionMonths: 6,
};

export interface PairingPerson {
  personId: number;
  userId: number;
  name: string;
}

export interface MentorPairingInput {
  townshipId: number;
  villageId: number;
  mentee: PairingPerson;
  mentor: PairingPerson;
  /** The township officer who proposed the pairing. */
  proposedBy: number;
  reason?: string;
  settings?: Partial<MentorPairingSettings>;
}

export interface MentorPairingOutcome {
  status: 'completed' | 'rejected' | 'ended_early';
  grade?: string;
  extended?: boolean;
  reason?: string;
  mentorPersonId: number;
  exchangesRecorded: number;
  exchangesMissed: number;
}

export const reassignMentorUpdate = defineUpdate<{ moved: number }, [{ actor: Actor; mentor: PairingPerson; reason: string }]>('reassignMentor');
export const endPairingEarlyUpdate = defineUpdate<void, [{ actor: Actor; reason: string }]>('endPairingEarly');

/** The steps as the console draws them; `next` are the paths a run can take. */
export const MENTOR_PAIRING_STEPS = [
  { key: 'proposal.approval', name: '结对审批', role: 'township_secretary', next: ['growth-plan.draft', 'end'] },
  { key: 'growth-plan.draft', name: '起草成长计划', role: 'cadre', next: ['growth-plan.review'] },
  { key: 'growth-plan.review', name: '导师审阅成长计划', role: 'mentor', next: ['growth-plan.approval', 'growth-plan.draft'] },
  { key: 'growth-plan.approval', name: '乡镇审核成长计划', role: 'township_officer', next: ['exchange', 'growth-plan.draft'] },
  { key: 'exchange', name: '定期交流（每月）', role: 'mentor', next: ['midterm.review', 'final.self-evaluation'] },
  { key: 'midterm.review', name: '中期评估', role: 'mentor', next: ['final.self-evaluation'] },
  { key: 'final.self-evaluation', name: '期满自评', role: 'cadre', next: ['final.mentor-evaluation'] },
  { key: 'final.mentor-evaluation', name: '导师评价', role: 'mentor', next: ['final.sign-off'] },
  { key: 'final.sign-off', name: '乡镇签署', role: 'township_officer', next: ['end', 'exchange'] },
  { key: 'end', name: '结束', role: null, next: [] },
] as const;
