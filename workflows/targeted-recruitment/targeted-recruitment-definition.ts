// Targeted recruitment (定向考录), declared as data: a county campaign (the parent workflow)
// and one applicant workflow per application (the child). Inputs, ids, timings and messages
// here; the steps in targeted-recruitment-steps.ts, the forms in targeted-recruitment-forms.ts.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ApplicationStatus, RecruitmentPostKind } from '../../db/schema.js';
import type { RecruitmentRules } from '../../domain/recruitment-rules.js';
import type { Actor } from '../human-step/types.js';

export const RECRUITMENT_CAMPAIGN = 'recruitment-campaign';
export const RECRUITMENT_APPLICANT = 'recruitment-applicant';

/** How long the steps without a rule of their own last; tests shorten none, they skip time. */
export interface CampaignTimings {
  recommendationWorkingDays: number;
  reviewWorkingDays: number;
  objectionAnswerWorkingDays: number;
  scoresDays: number;
  inspectionWorkingDays: number;
  approvalWorkingDays: number;
  probationReviewWorkingDays: number;
}

export const DEFAULT_CAMPAIGN_TIMINGS: CampaignTimings = {
  recommendationWorkingDays: 5,
  reviewWorkingDays: 5,
  objectionAnswerWorkingDays: 3,
  scoresDays: 30,
  inspectionWorkingDays: 10,
  approvalWorkingDays: 5,
  probationReviewWorkingDays: 10,
};

export interface CampaignPosition {
  positionId: number;
  kind: RecruitmentPostKind;
  name: string;
  places: number;
}

export interface CampaignInput {
  campaignId: number;
  year: number;
  title: string;
  /** The frozen rules of the published campaign, and their version. */
  rules: RecruitmentRules;
  rulesVersion: number;
  positions: CampaignPosition[];
  startedBy: number | null;
  /** Prefix of the applicant workflows' ids (see the API's idPrefix). */
  idPrefix?: string;
  timings?: Partial<CampaignTimings>;
}

/** The statuses of an application still under way: withdrawn (放弃) or cancelled with the campaign. */
export const APPLICATION_UNDER_WAY: ApplicationStatus[] = [
  'applied',
  'recommended',
  'qualified',
  'shortlisted',
  'ranked',
  'inspection',
  'proposed',
];

export const campaignId = (prefix: string, id: number) => `${prefix}${RECRUITMENT_CAMPAIGN}-c${id}`;
export const applicantId = (prefix: string, applicationId: number) =>
  `${prefix}${RECRUITMENT_APPLICANT}-a${applicationId}`;

export interface ApplyRequest {
  actor: Actor;
  person: { personId: number; name: string; townshipId: number; villageId: number };
  positionId: number;
  /** The eligibility found by the API at application: always eligible here, kept on the row. */
  eligibility?: unknown[];
}

/** 报名: the API has checked eligibility and scope; the workflow checks the window and duplicates. */
export const applyUpdate = defineUpdate<{ applicationId: number }, [ApplyRequest]>('applyToCampaign');

/** 异议 during a 公示 (the qualified list's or the proposed hires'). */
export const fileRecruitmentObjectionUpdate = defineUpdate<
  { objection: number },
  [{ actor: Actor; applicationId: number; reason: string }]
>('fileRecruitmentObjection');

/** The applicant's township recommendation, reported to the campaign. */
export const recommendationSignal = defineSignal<
  [
    {
      applicationId: number;
      recommended: boolean;
      reason: string;
      actorUserId: number | null;
      /** The status the application ended in when not the recommendation's (放弃 before it). */
      status?: ApplicationStatus;
    },
  ]
>('recruitmentRecommendation');

/**
 * An applicant's workflow ended from outside (强制终止 by the county or an operator, a failure):
 * its application reads 已取消 already, with `reason`; the campaign counts the applicant no further.
 */
export const applicantEndedSignal =
  defineSignal<[{ applicationId: number; reason: string; actor: Actor | null }]>('recruitmentApplicantEnded');

/** The campaign's word to an applicant: hired (probation follows), or closed with its status. */
export type ApplicantOutcome =
  | { outcome: 'hired'; hiredOn: string; probationMonths: number }
  | {
      outcome: 'closed';
      status: ApplicationStatus;
      /** 放弃 taken by the campaign: who registered it and the reason, for the applicant's timeline. */
      withdrawal?: { actor: Actor; reason: string };
    };
export const applicantOutcomeSignal = defineSignal<[ApplicantOutcome]>('recruitmentApplicantOutcome');

export interface ApplicantInput {
  applicationId: number;
  campaignWorkflowId: string;
  campaignTitle: string;
  person: ApplyRequest['person'];
  positionName: string;
  startedBy: number | null;
  timings: CampaignTimings;
}

export type CampaignPhase =
  | 'applying'
  | 'recommending'
  | 'reviewing'
  | 'notice'
  | 'written'
  | 'interview'
  | 'inspecting'
  | 'hire_notice'
  | 'approval'
  | 'done';

export interface CampaignApplicant {
  applicationId: number;
  personId: number;
  name: string;
  townshipId: number;
  positionId: number;
  seq: number;
  status: ApplicationStatus;
  written: number | null;
  interview: number | null;
  bonus: number;
  total: number | null;
  rank: number | null;
  reason?: string;
}

export interface CampaignProgress {
  campaignId: number;
  phase: CampaignPhase;
  windowEndsAt: string;
  noticeEndsAt: string | null;
  round: number;
  objections: number;
  applicants: CampaignApplicant[];
}

export const campaignProgressQuery = defineQuery<CampaignProgress>('campaignProgress');
