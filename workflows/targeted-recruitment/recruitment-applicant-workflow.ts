// 定向考录 applicant: one per application, started by the campaign when the person applies. The
// township Party secretary recommends (乡镇党委推荐) or not, with a comment; the campaign is told.
// Then it waits for the campaign's word: closed (with the status it ended in), or hired, when
// the probation (试用期) runs its months and ends in the county's review (转正 or not).
import { condition, getExternalWorkflowHandle, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import { boundedActivities } from '../process/activity-incidents.js';
import type { RecruitmentActivities } from '../../activities/targeted-recruitment/recruitment-activities.js';
import { chinaDayOf } from '../../domain/china-time.js';
import { HumanSteps } from '../human-step/human-steps.js';
import { ENDS_AS_CANCELLED, beginProcess, endIfCancelledSince, endProcess } from '../process/process-lifecycle.js';
import {
  RECRUITMENT_APPLICANT,
  applicantOutcomeSignal,
  recommendationSignal,
  type ApplicantInput,
  type ApplicantOutcome,
} from './targeted-recruitment-definition.js';
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

    const recommendation = await steps.run(S.recommendation, {
      townshipId: person.townshipId,
      villageId: person.villageId,
      assignee: { kind: 'role', role: 'township_secretary', townshipId: person.townshipId },
      deadline: { workingDays: input.timings.recommendationWorkingDays },
      context: { applicationId, person: person.name, position: input.positionName },
    });
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
