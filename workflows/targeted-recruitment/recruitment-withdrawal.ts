// 放弃: an applicant gives up at any point before the hire, themself in the console or
// registered for them by their township officer or the county (with a reason). Until the
// township has decided its recommendation the applicant workflow takes it (the recommendation
// task closes, the application ends 已放弃); from then on the campaign does: a place held in
// 体检与考察 or on the 拟录用公示 goes to the next in rank (递补), recorded with the reason.
// A withdrawal and a decision on the same step are both Updates of one workflow: whichever is
// accepted first stands and the other is refused (409).
import { defineUpdate, setHandler } from '@temporalio/workflow';
import type { HumanSteps } from '../human-step/human-steps.js';
import { refuse } from '../human-step/refusal.js';
import type { Actor } from '../human-step/types.js';
import { APPLICATION_UNDER_WAY, type CampaignApplicant } from './targeted-recruitment-definition.js';

/** The patch under which applicants may withdraw (放弃) while their campaign runs. */
export const APPLICANT_WITHDRAWAL = 'recruitment-applicant-withdrawal';

export interface WithdrawRequest {
  actor: Actor;
  applicationId: number;
  /** Required when someone else registers it for the applicant. */
  reason?: string;
  /** The caller's request id: the same one again is the same withdrawal. */
  requestId?: string;
}

export const withdrawApplicationUpdate = defineUpdate<
  { applicationId: number; status: 'withdrawn' },
  [WithdrawRequest]
>('withdrawRecruitmentApplication');

/** The reason on the status change and the timeline. */
export const withdrawalReason = (reason?: string) => (reason?.trim() ? `本人放弃：${reason.trim()}` : '本人放弃');

/** The status change's key: one withdrawal per application, found again by its request id. */
export const withdrawalChangeKey = (applicationId: number, requestId?: string) =>
  `recruitment-withdrawal:a${applicationId}:${requestId ?? 'once'}`;

/** The statuses from which the campaign takes a withdrawal ('applied' is the applicant workflow's). */
const WITHDRAWABLE = APPLICATION_UNDER_WAY.filter((s) => s !== 'applied');

/** Who may withdraw an application, and that someone else gives a reason; the API checks the same. */
export function checkWithdrawer(req: WithdrawRequest, applicant: { personId: number; townshipId: number }): void {
  const { actor } = req;
  const self = actor.personId === applicant.personId;
  const may =
    self ||
    actor.role === 'county_admin' ||
    (actor.role === 'township_officer' && actor.townshipId === applicant.townshipId);
  if (!may) refuse('not_assignee', 'you may not withdraw this application');
  if (!self && !req.reason?.trim())
    refuse('invalid_request', 'a reason is required when registering a withdrawal for the applicant', [
      { field: 'reason', message: 'required' },
    ]);
}

export interface CampaignWithdrawals {
  /** False for campaigns started before withdrawals were taken: they refuse them. */
  enabled: boolean;
  steps: HumanSteps;
  byId: Map<number, CampaignApplicant>;
  setStatus(a: CampaignApplicant, reason: string, actor: Actor, changeKey: string): Promise<void>;
  /** The applicant's place, held in 体检与考察 or on the notice, goes to the next in rank. */
  vacate(a: CampaignApplicant, reason: string): void;
  /** Whether the applicant's 体检与考察 step is still to be decided (opening or open). */
  inspectionPending(applicationId: number): boolean;
  /** The objections filed against the applicant still being answered. */
  objectionsOf(applicationId: number): number[];
  /** Whether this round's 审批录用 has been decided (or is being). */
  approvalTaken(): boolean;
  /** Ends the applicant workflow, telling it who withdrew and why. */
  closeApplicant(a: CampaignApplicant, withdrawal: { actor: Actor; reason: string }): Promise<void>;
}

/** The campaign's side: withdrawals from the recommendation on until the hire. */
export function takeCampaignWithdrawals(w: CampaignWithdrawals): void {
  const inspectionKey = (id: number) => `inspection.a${id}`;
  // Taken at once, before the status is written: a second withdrawal of the same application
  // arriving meanwhile (the applicant and their officer together) must not vacate the place twice.
  const withdrawing = new Set<number>();
  setHandler(
    withdrawApplicationUpdate,
    async (req) => {
      if (withdrawing.has(req.applicationId)) refuse('task_closed', 'the application is already being withdrawn');
      withdrawing.add(req.applicationId);
      const a = w.byId.get(req.applicationId)!;
      const from = a.status;
      const reason = withdrawalReason(req.reason);
      if (from === 'inspection' || from === 'proposed') w.vacate(a, reason);
      if (from === 'inspection' && w.inspectionPending(a.applicationId))
        w.steps.closeOnOpen(inspectionKey(a.applicationId), reason);
      for (const n of w.objectionsOf(a.applicationId)) w.steps.close(`objection.o${n}`, reason);
      await w.setStatus(a, reason, req.actor, withdrawalChangeKey(a.applicationId, req.requestId));
      await w.steps.recordProcessEvent('withdrawn', req.actor, { applicationId: a.applicationId, from }, reason);
      await w.closeApplicant(a, { actor: req.actor, reason });
      return { applicationId: a.applicationId, status: 'withdrawn' as const };
    },
    {
      validator: (req) => {
        if (!w.enabled) refuse('action_not_allowed', 'this campaign started before withdrawals were taken online');
        const a = w.byId.get(req.applicationId);
        if (!a)
          refuse('invalid_request', 'no such application in this campaign', [
            { field: 'applicationId', message: 'invalid' },
          ]);
        checkWithdrawer(req, a);
        if (withdrawing.has(a.applicationId)) refuse('task_closed', 'the application is already being withdrawn');
        if (a.status === 'applied')
          refuse('task_closed', 'the township recommendation is still open: the applicant workflow takes it');
        if (!WITHDRAWABLE.includes(a.status)) refuse('task_closed', `the application has ended (${a.status})`);
        if (a.status === 'inspection' && w.steps.decisionTaken(inspectionKey(a.applicationId)))
          refuse('task_closed', 'the medical and inspection decision was taken first');
        if (a.status === 'proposed' && w.approvalTaken()) refuse('task_closed', 'the hire was approved first');
      },
    },
  );
}
