// Mentor pairing over a term (导师帮带), declared as data (its steps: mentor-pairing-steps.ts): its
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

export const reassignMentorUpdate = defineUpdate<
  { moved: number },
  [{ actor: Actor; mentor: PairingPerson; reason: string }]
>('reassignMentor');
export const endPairingEarlyUpdate = defineUpdate<void, [{ actor: Actor; reason: string }]>('endPairingEarly');
