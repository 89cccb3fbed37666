// An applicant's workflow ended from outside (强制终止 of that one applicant by the county or an
// operator, or a failure): its application was cancelled when its row closed, and the campaign
// is told. It takes it as it takes a withdrawal, without the applicant's word: the applicant
// leaves the counts, the ranking and the next steps, a place held in 体检与考察 or on the
// 拟录用公示 goes to the next in rank (递补), and the timeline says why. Nothing is written for
// the application (it is cancelled already) and nothing is told to its workflow (it is gone).
import { patched, setHandler } from '@temporalio/workflow';
import type { HumanSteps } from '../human-step/human-steps.js';
import {
  APPLICATION_UNDER_WAY,
  applicantEndedSignal,
  type CampaignApplicant,
} from './targeted-recruitment-definition.js';

/**
 * The patch under which the campaign takes the word: a signal an older worker left without a
 * handler in a running history is replayed as it was then, taken by nothing.
 */
export const APPLICANT_ENDED = 'recruitment-applicant-ended';

export interface CampaignEndedApplicants {
  /** False for campaigns started before withdrawals were taken: they go on as before. */
  enabled: boolean;
  steps: HumanSteps;
  byId: Map<number, CampaignApplicant>;
  /** The applicant will send no recommendation: the campaign waits for it no longer. */
  settled(applicationId: number): void;
  /** The applicant's place, held in 体检与考察 or on the notice, goes to the next in rank. */
  vacate(a: CampaignApplicant, reason: string): void;
  /** Whether the applicant's 体检与考察 step is still to be decided (opening or open). */
  inspectionPending(applicationId: number): boolean;
  /** The objections filed against the applicant still being answered. */
  objectionsOf(applicationId: number): number[];
}

export function takeEndedApplicants(w: CampaignEndedApplicants): void {
  setHandler(applicantEndedSignal, async ({ applicationId, reason, actor }) => {
    const a = w.byId.get(applicationId);
    // Told twice (the API and the reconciler), or the application had ended: nothing to do.
    if (!w.enabled || !a || !APPLICATION_UNDER_WAY.includes(a.status) || !patched(APPLICANT_ENDED)) return;
    const from = a.status;
    a.status = 'cancelled';
    a.reason = reason;
    w.settled(applicationId);
    if (from === 'inspection' || from === 'proposed') w.vacate(a, reason);
    // An inspection already decided stands decided: the campaign skips its outcome.
    if (from === 'inspection' && w.inspectionPending(applicationId))
      w.steps.closeOnOpen(`inspection.a${applicationId}`, reason);
    for (const n of w.objectionsOf(applicationId)) w.steps.close(`objection.o${n}`, reason);
    await w.steps.recordProcessEvent('applicant_ended', actor, { applicationId, from }, reason);
  });
}
