// 定向考录's tellings, by process type: what the end of one of its processes from outside owes
// the others (see activities/process-status/owed-tellings.ts).
import {
  RECRUITMENT_APPLICANT,
  RECRUITMENT_CAMPAIGN,
} from '../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import type { ProcessTelling } from '../process-status/owed-tellings.js';
import { tellCampaignApplicantEnded } from './applicant-ended.js';
import { withdrawCampaignApplicants } from './campaign-ended.js';

export const RECRUITMENT_TELLINGS: Record<string, ProcessTelling> = {
  [RECRUITMENT_APPLICANT]: tellCampaignApplicantEnded,
  [RECRUITMENT_CAMPAIGN]: withdrawCampaignApplicants,
};
