// 放弃 before the township has decided its recommendation (乡镇党委推荐): the applicant workflow
// takes it. The recommendation task closes with the reason (a decision already accepted stands,
// and the withdrawal is refused), the application ends 已放弃 and the campaign is told, so its
// funnel counts the applicant no further.
import { condition, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import type { RecruitmentActivities } from '../../activities/targeted-recruitment/recruitment-activities.js';
import { chinaDayOf } from '../../domain/china-time.js';
import type { HumanSteps } from '../human-step/human-steps.js';
import { refuse } from '../human-step/refusal.js';
import { boundedActivities } from '../process/activity-incidents.js';
import {
  checkWithdrawer,
  withdrawApplicationUpdate,
  withdrawalChangeKey,
  withdrawalReason,
  type WithdrawRequest,
} from './recruitment-withdrawal.js';
import { recommendationSignal } from './targeted-recruitment-definition.js';

const acts = boundedActivities<RecruitmentActivities>({ startToCloseTimeout: '1 minute' });

export interface ApplicantWithdrawal {
  /** Whether a withdrawal closed the recommendation. */
  requested(): boolean;
  /** Writes the withdrawal, puts it on the timeline and tells the campaign; returns the reason. */
  record(workflowId: string, campaignWorkflowId: string): Promise<string>;
}

export function takeApplicantWithdrawal(o: {
  /** False for applications started before withdrawals were taken: they refuse them. */
  enabled: boolean;
  steps: HumanSteps;
  applicationId: number;
  applicant: { personId: number; townshipId: number };
  recommendationKey: string;
}): ApplicantWithdrawal {
  let request: WithdrawRequest | null = null;
  let written = false;
  setHandler(
    withdrawApplicationUpdate,
    async (req) => {
      request = req;
      o.steps.closeOnOpen(o.recommendationKey, withdrawalReason(req.reason));
      await condition(() => written);
      return { applicationId: o.applicationId, status: 'withdrawn' as const };
    },
    {
      validator: (req) => {
        if (!o.enabled) refuse('action_not_allowed', 'this application started before withdrawals were taken online');
        if (req.applicationId !== o.applicationId)
          refuse('invalid_request', 'not this application', [{ field: 'applicationId', message: 'invalid' }]);
        checkWithdrawer(req, o.applicant);
        if (request) refuse('task_closed', 'the application is already withdrawn');
        if (o.steps.decisionTaken(o.recommendationKey) || o.steps.hasEnded(o.recommendationKey))
          refuse('task_closed', 'the township decided its recommendation first: the campaign takes the withdrawal');
      },
    },
  );
  return {
    requested: () => request !== null,
    async record(workflowId, campaignWorkflowId) {
      const { actor, reason: given, requestId } = request!;
      const reason = withdrawalReason(given);
      await acts.setApplicationStatus({
        applicationId: o.applicationId,
        to: 'withdrawn',
        reason,
        on: chinaDayOf(Date.now()),
        actorUserId: actor.userId,
        workflowId,
        changeKey: withdrawalChangeKey(o.applicationId, requestId),
      });
      written = true;
      await o.steps.recordProcessEvent('withdrawn', actor, { applicationId: o.applicationId, from: 'applied' }, reason);
      await getExternalWorkflowHandle(campaignWorkflowId).signal(recommendationSignal, {
        applicationId: o.applicationId,
        recommended: false,
        reason,
        actorUserId: actor.userId,
        status: 'withdrawn',
      });
      return reason;
    },
  };
}
