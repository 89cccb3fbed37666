// 定向考录 applicant: one per application, started by the campaign when the person applies. The
// township Party secretary recommends (乡镇党委推荐) or not, with a comment; the campaign is told.
// Then it waits for the campaign's word: closed (with the status it ended in), or hired, when
// the probation (试用期) runs its months and ends in the county's review (转正 or not).
import { condition, getExternalWorkflowHandle, patched, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import { boundedActivities } from '../process/activity-incidents.js';
import type { RecruitmentActivities } from '../../activities/targeted-recruitment/recruitment-activities.js';
import { chinaDayOf } from '../../domain/china-time.js';
import { HumanSteps, StepClosed } from '../human-step/human-steps.js';
import type { StepOutcome } from '../human-step/types.js';
import { ENDS_AS_CANCELLED, beginProcess, endIfCancelledSince, endProcess } from '../process/process-lifecycle.js';
import {
  RECRUITMENT_APPLICANT,
  applicantOutcomeSignal,
  recommendationSignal,
  type ApplicantInput,
  type ApplicantOutcome,
} from './targeted-recruitment-definition.js';
import { takeApplicantWithdrawal } from './recruitment-applicant-withdrawal.js';
import { APPLICANT_WITHDRAWAL } from './recruitment-withdrawal.js';
import { targetedRecruitmentForms } from './targeted-recruitment-forms.js';
import { recruitmentApplicantSteps as S } from './targeted-recruitment-steps.js';

const acts = boundedActivities<RecruitmentActivities>({ startToCloseTimeout: '1 minute' });
const MONTH_MS = 30 * 24 * 3600_000;

export async function recruitmentApplicant(input: ApplicantInput): Promise<{ status: string }> {
  const { applicationId, person } = input;
  const workflowId = workflowInfo().workflowId;
  const title = `${input.campaignTitle}：${person.name}`;
  const steps = new HumanSteps({
    type: RECRUITMENT_APPLICANT,
    title,
    forms: targetedRecruitmentForms,
    startedBy: input.startedBy,
  });
  let outcome: ApplicantOutcome | null = null;
  setHandler(applicantOutcomeSignal, (o) => {
    outcome = o;
  });
  const withdrawal = takeApplicantWithdrawal({
    enabled: patched(APPLICANT_WITHDRAWAL),
    steps,
    applicationId,
    applicant: person,
    recommendationKey: S.recommendation.key,
  });
  try {
    await beginProcess({
      type: RECRUITMENT_APPLICANT,
      title,
      townshipId: person.townshipId,
      villageId: person.villageId,
      subjectPersonId: person.personId,
      startedBy: input.startedBy,
      params: { applicationId, campaign: input.campaignWorkflowId, position: input.positionName },
    });

    let recommendation: StepOutcome<{ opinion: string }>;
    try {
      recommendation = await steps.run(S.recommendation, {
        townshipId: person.townshipId,
        villageId: person.villageId,
        assignee: { kind: 'role', role: 'township_secretary', townshipId: person.townshipId },
        deadline: { workingDays: input.timings.recommendationWorkingDays },
        context: { applicationId, person: person.name, position: input.positionName },
      });
    } catch (error) {
      // 放弃 before the township decided: the recommendation task closed, the application ends.
      if (!(error instanceof StepClosed && withdrawal.requested())) throw error;
      const reason = await withdrawal.record(workflowId, input.campaignWorkflowId);
      await endProcess('ended_early', { status: 'withdrawn', reason });
      return { status: 'withdrawn' };
    }
    const recommended = recommendation.decision === 'approve';
    const reason = recommended
      ? `乡镇党委推荐：${recommendation.form.opinion}`
      : `乡镇党委未推荐：${recommendation.comment ?? recommendation.form.opinion}`;
    await acts.setApplicationStatus({
      applicationId,
      to: recommended ? 'recommended' : 'not_recommended',
      reason,
      on: chinaDayOf(Date.now()),
      actorUserId: recommendation.actor.userId,
      workflowId,
      changeKey: `${workflowId}:recommendation`,
    });
    await getExternalWorkflowHandle(input.campaignWorkflowId).signal(recommendationSignal, {
      applicationId,
      recommended,
      reason,
      actorUserId: recommendation.actor.userId,
    });
    if (!recommended) {
      await endProcess('rejected', { status: 'not_recommended' });
      return { status: 'not_recommended' };
    }

    await condition(() => outcome !== null);
    const word = outcome as unknown as ApplicantOutcome;
    if (word.outcome === 'closed' && word.withdrawal) {
      // 放弃 taken by the campaign (its place, if any, went to the next in rank).
      const { actor, reason } = word.withdrawal;
      await steps.recordProcessEvent('withdrawn', actor, { applicationId }, reason);
      await endProcess('ended_early', { status: word.status, reason });
      return { status: word.status };
    }
    if (word.outcome === 'closed') {
      await endProcess('completed', { status: word.status });
      return { status: word.status };
    }

    // 试用期: months of the campaign's rule for the post, then the county's review.
    await steps.recordProcessEvent('probation_started', null, { hiredOn: word.hiredOn, months: word.probationMonths });
    await sleep(word.probationMonths * MONTH_MS);
    const review = await steps.run(S.probationReview, {
      townshipId: person.townshipId,
      villageId: person.villageId,
      assignee: { kind: 'role', role: 'county_admin' },
      deadline: { workingDays: input.timings.probationReviewWorkingDays },
      context: { applicationId, person: person.name, position: input.positionName, hiredOn: word.hiredOn },
    });
    const confirmed = review.decision === 'approve';
    const status = confirmed ? 'confirmed' : 'probation_failed';
    await acts.setApplicationStatus({
      applicationId,
      to: status,
      reason: confirmed
        ? `试用期满考核合格，转正：${review.form.findings}`
        : `试用期满考核不合格：${review.comment ?? review.form.findings}`,
      on: chinaDayOf(Date.now()),
      actorUserId: review.actor.userId,
      workflowId,
      changeKey: `${workflowId}:probation-review`,
    });
    await endProcess('completed', { status });
    return { status };
  } catch (error) {
    return endIfCancelledSince(ENDS_AS_CANCELLED, error, steps);
  }
}
