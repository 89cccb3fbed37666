// 定向考录 campaign: one workflow per published campaign. Applications come in as Updates while
// the window is open (the API has checked eligibility: 422 with the reasons), each starting an
// applicant workflow whose township recommends or not. Then the county's 资格复审 re-checks
// every recommended applicant against the records and approves the list (部务会); 公示 with
// objections; written exam (pass mark, 1:3 per place); interview; total with bonus points and
// the one tie rule; 体检/考察 one per place in rank order, a failure replaced by the next (递补);
// 公示 of the proposed hires with objections, refilled the same way; the county's approval;
// hire, and each hire's probation runs in its applicant workflow. Every status change of an
// application is a recruitment_status_changes row with who, when and why.
import {
  CancellationScope,
  ParentClosePolicy,
  condition,
  isCancellation,
  patched,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { boundedActivities } from '../process/activity-incidents.js';
import type { RecruitmentActivities } from '../../activities/targeted-recruitment/recruitment-activities.js';
import type { ApplicationStatus } from '../../db/schema.js';
import { chinaDayOf } from '../../domain/china-time.js';
import { bonusFor, rankByTotal, shortlistByWritten } from '../../domain/recruitment-scoring.js';
import { HumanSteps, StepClosed } from '../human-step/human-steps.js';
import { refuse } from '../human-step/refusal.js';
import type { StepActivities } from '../human-step/step-activities.js';
import type { Actor } from '../human-step/types.js';
import { beginProcess, endIfCancelled, endProcess } from '../process/process-lifecycle.js';
import { recruitmentApplicant } from './recruitment-applicant-workflow.js';
import { takeEndedApplicants } from './recruitment-applicant-ended.js';
import { APPLICANT_WITHDRAWAL, takeCampaignWithdrawals } from './recruitment-withdrawal.js';
import {
  APPLICATION_UNDER_WAY,
  DEFAULT_CAMPAIGN_TIMINGS,
  RECRUITMENT_CAMPAIGN,
  applicantId,
  applyUpdate,
  campaignProgressQuery,
  fileRecruitmentObjectionUpdate,
  recommendationSignal,
  type CampaignApplicant,
  type CampaignInput,
  type CampaignProgress,
} from './targeted-recruitment-definition.js';
import { targetedRecruitmentForms } from './targeted-recruitment-forms.js';
import { tellApplicant } from './tell-applicant.js';
import { recruitmentCampaignSteps as S } from './targeted-recruitment-steps.js';

const acts = boundedActivities<RecruitmentActivities & Pick<StepActivities, 'resolveStepSchedule'>>({
  startToCloseTimeout: '1 minute',
});
const DAY_MS = 24 * 3600_000;
/** The patch under which a withdrawn campaign (撤销) ends its applicants' workflows too. */
export const CANCEL_ENDS_APPLICANTS = 'recruitment-cancel-ends-applicants';

export interface CampaignOutcome {
  hired: number[];
  replacements: number;
  objections: number;
}

export async function recruitmentCampaign(input: CampaignInput): Promise<CampaignOutcome> {
  const timings = { ...DEFAULT_CAMPAIGN_TIMINGS, ...input.timings };
  const withdrawals = patched(APPLICANT_WITHDRAWAL);
  const { rules } = input;
  const workflowId = workflowInfo().workflowId;
  const steps = new HumanSteps({
    type: RECRUITMENT_CAMPAIGN,
    title: input.title,
    forms: targetedRecruitmentForms,
    startedBy: input.startedBy,
  });
  const county = { kind: 'role', role: 'county_admin' } as const;
  const today = () => chinaDayOf(Date.now());
  const windowEndsAt = Date.now() + rules.applicationDays * DAY_MS;
  const progress: CampaignProgress = {
    campaignId: input.campaignId,
    phase: 'applying',
    windowEndsAt: new Date(windowEndsAt).toISOString(),
    noticeEndsAt: null,
    round: 0,
    objections: 0,
    applicants: [],
  };
  setHandler(campaignProgressQuery, () => progress);
  const byId = new Map<number, CampaignApplicant>();
  const byPerson = new Set<number>();
  const recommendations = new Set<number>();
  let pendingAnswers = 0;
  let noticeOpen: ApplicationStatus | null = null;
  let replacements = 0;
  /** Position → those who left after ranking (name and why), for the 递补 record. */
  const vacated = new Map<number, { name: string; reason: string }[]>();
  const vacate = (a: CampaignApplicant, reason: string) =>
    vacated.set(a.positionId, [...(vacated.get(a.positionId) ?? []), { name: a.name, reason }]);
  /** Applicants whose 体检与考察 is still to be decided; objections being answered, by applicant. */
  const inspecting = new Set<number>();
  const objectionsOf = new Map<number, number[]>();
  let changes = 0;
  /** 放弃, or the applicant's workflow ended from outside (已取消): out of the campaign. */
  const gone = (a: CampaignApplicant) => withdrawals && (a.status === 'withdrawn' || a.status === 'cancelled');

  async function setStatus(
    a: CampaignApplicant,
    to: ApplicationStatus,
    reason: string,
    actor: Actor | null,
    changeKey?: string,
  ) {
    // 放弃 is final, and so is an applicant's end: nothing decided for them afterwards is written.
    if (gone(a)) return;
    a.status = to;
    a.reason = reason;
    await acts.setApplicationStatus({
      applicationId: a.applicationId,
      to,
      reason,
      on: today(),
      actorUserId: actor?.userId ?? null,
      workflowId,
      changeKey: changeKey ?? `${workflowId}:s${++changes}`,
    });
  }
  async function close(a: CampaignApplicant, withdrawal?: { actor: Actor; reason: string }) {
    await tellApplicant(applicantId(input.idPrefix ?? '', a.applicationId), {
      outcome: 'closed',
      status: a.status,
      ...(withdrawal ? { withdrawal } : {}),
    });
  }
  takeCampaignWithdrawals({
    enabled: withdrawals,
    steps,
    byId,
    setStatus: (a, reason, actor, changeKey) => setStatus(a, 'withdrawn', reason, actor, changeKey),
    vacate,
    inspectionPending: (id) => inspecting.has(id),
    objectionsOf: (id) => objectionsOf.get(id) ?? [],
    approvalTaken: () => {
      const key = `approval.r${progress.round}`;
      return steps.decisionTaken(key) || steps.hasEnded(key);
    },
    closeApplicant: close,
  });
  takeEndedApplicants({
    enabled: withdrawals,
    steps,
    byId,
    settled: (id) => recommendations.add(id),
    vacate,
    inspectionPending: (id) => inspecting.has(id),
    objectionsOf: (id) => objectionsOf.get(id) ?? [],
  });

  // The applicant workflow has written the status; the campaign's list follows it.
  setHandler(recommendationSignal, ({ applicationId, recommended, reason, status }) => {
    recommendations.add(applicationId);
    const a = byId.get(applicationId);
    if (a) {
      a.status = status ?? (recommended ? 'recommended' : 'not_recommended');
      a.reason = reason;
    }
  });

  setHandler(
    applyUpdate,
    async ({ actor, person, positionId, eligibility }) => {
      byPerson.add(person.personId);
      const created = await acts.createApplication({
        campaignId: input.campaignId,
        positionId,
        personId: person.personId,
        townshipId: person.townshipId,
        villageId: person.villageId,
        rulesVersion: input.rulesVersion,
        eligibility: eligibility ?? [],
        registeredBy: actor.userId,
        workflowId,
        on: today(),
      });
      if ('conflict' in created) refuse('task_closed', 'the person has already applied to this campaign');
      const { applicationId } = created as { applicationId: number };
      const a: CampaignApplicant = {
        applicationId,
        personId: person.personId,
        name: person.name,
        townshipId: person.townshipId,
        positionId,
        seq: progress.applicants.length + 1,
        status: 'applied',
        written: null,
        interview: null,
        bonus: 0,
        total: null,
        rank: null,
      };
      progress.applicants.push(a);
      byId.set(applicationId, a);
      const position = input.positions.find((p) => p.positionId === positionId)!;
      await startChild(recruitmentApplicant, {
        workflowId: applicantId(input.idPrefix ?? '', applicationId),
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [
          {
            applicationId,
            campaignWorkflowId: workflowId,
            campaignTitle: input.title,
            person,
            positionName: position.name,
            startedBy: input.startedBy,
            timings,
          },
        ],
      });
      await steps.recordProcessEvent('applied', actor, { applicationId, personId: person.personId, positionId });
      return { applicationId };
    },
    {
      validator: ({ actor, person, positionId }) => {
        if (progress.phase !== 'applying' || Date.now() >= windowEndsAt)
          refuse('task_closed', 'applications are taken only while the window is open');
        if (!input.positions.some((p) => p.positionId === positionId))
          refuse('invalid_request', 'no such position in this campaign', [{ field: 'positionId', message: 'invalid' }]);
        if (byPerson.has(person.personId)) refuse('task_closed', 'the person has already applied to this campaign');
        const may =
          actor.role === 'county_admin' ||
          (actor.role === 'township_officer' && actor.townshipId === person.townshipId) ||
          actor.personId === person.personId;
        if (!may) refuse('not_assignee', 'you may not apply for this person');
      },
    },
  );

  setHandler(
    fileRecruitmentObjectionUpdate,
    async ({ actor, applicationId, reason }) => {
      const n = ++progress.objections;
      pendingAnswers++;
      await steps.recordProcessEvent('objection_filed', actor, { applicationId, objection: n }, reason);
      if (withdrawals) objectionsOf.set(applicationId, [...(objectionsOf.get(applicationId) ?? []), n]);
      void answerObjection(n, byId.get(applicationId)!, reason)
        // Closed by the applicant's 放弃: there is nothing left to answer.
        .catch((error) => {
          if (!(withdrawals && error instanceof StepClosed)) throw error;
        })
        .finally(() => {
          pendingAnswers--;
          if (withdrawals)
            objectionsOf.set(
              applicationId,
              objectionsOf.get(applicationId)!.filter((o) => o !== n),
            );
        });
      return { objection: n };
    },
    {
      validator: ({ applicationId, reason }) => {
        if (!noticeOpen) refuse('task_closed', 'objections are taken only during a public notice');
        if (byId.get(applicationId)?.status !== noticeOpen)
          refuse('invalid_request', 'that applicant is not on the notice', [
            { field: 'applicationId', message: 'invalid' },
          ]);
        if (!reason?.trim())
          refuse('invalid_request', 'a reason is required', [{ field: 'reason', message: 'required' }]);
      },
    },
  );

  async function answerObjection(n: number, a: CampaignApplicant, reason: string): Promise<void> {
    const onNotice = a.status;
    const answer = await steps.run(S.objectionAnswer, {
      townshipId: a.townshipId,
      occurrence: n,
      name: `异议答复：${a.name}`,
      assignee: county,
      deadline: { workingDays: timings.objectionAnswerWorkingDays },
      context: { applicationId: a.applicationId, applicant: a.name, objection: reason },
    });
    if (answer.decision !== 'approve' || a.status !== onNotice) return;
    await setStatus(a, 'disqualified', `公示异议成立：${answer.form.answer}`, answer.actor);
    if (onNotice === 'proposed') vacate(a, `公示异议成立：${answer.form.answer}`);
  }

  /** A 公示 of the applicants in `status`: objections while it lasts, every one answered. */
  async function notice(
    status: ApplicationStatus,
    until: { workingDays: number } | { days: number },
    key: 'notice' | 'hire_notice',
  ) {
    const schedule = await acts.resolveStepSchedule({ openedAt: new Date().toISOString(), deadline: until });
    progress.noticeEndsAt = schedule.dueAt;
    await steps.recordProcessEvent(`${key}_opened`, null, {
      endsAt: schedule.dueAt,
      applications: progress.applicants.filter((a) => a.status === status).map((a) => a.applicationId),
    });
    noticeOpen = status;
    await sleep(Math.max(Date.parse(schedule.dueAt) - Date.now(), 1));
    noticeOpen = null;
    await condition(() => pendingAnswers === 0);
  }

  const withStatus = (...s: ApplicationStatus[]) => progress.applicants.filter((a) => s.includes(a.status));

  async function run(): Promise<CampaignOutcome> {
    await beginProcess({
      type: RECRUITMENT_CAMPAIGN,
      title: input.title,
      townshipId: null,
      villageId: null,
      subjectPersonId: null,
      startedBy: input.startedBy,
      params: { campaignId: input.campaignId, year: input.year, rulesVersion: input.rulesVersion },
    });

    // 1. 报名 while the window is open, then every township's recommendation.
    await sleep(windowEndsAt - Date.now());
    progress.phase = 'recommending';
    await condition(() => progress.applicants.every((a) => recommendations.has(a.applicationId)));

    // 2. 资格复审: the records again (三龄两历), then the county approves the list (部务会).
    progress.phase = 'reviewing';
    const recommended = withStatus('recommended');
    if (recommended.length > 0) {
      const found = await acts.reviewEligibility({
        applicationIds: recommended.map((a) => a.applicationId),
        rules,
        asOf: today(),
      });
      const review = await steps.run(S.countyReview, {
        townshipId: null,
        assignee: county,
        deadline: { workingDays: timings.reviewWorkingDays },
        context: {
          applicants: recommended.map((a) => ({
            applicationId: a.applicationId,
            name: a.name,
            reasons: found.find((f) => f.applicationId === a.applicationId)?.reasons.map((r) => r.message_zh) ?? [],
          })),
        },
      });
      const refused = new Map((review.form.disqualified ?? []).map((d) => [d.applicationId, d.reason]));
      for (const f of found)
        if (f.reasons.length > 0 && !refused.has(f.applicationId))
          refused.set(f.applicationId, f.reasons.map((r) => r.message_zh).join('；'));
      for (const a of recommended) {
        const why = refused.get(a.applicationId);
        if (why !== undefined) await setStatus(a, 'disqualified', `资格复审未通过：${why}`, review.actor);
        else await setStatus(a, 'qualified', '资格复审通过，部务会审定', review.actor);
      }
      // 3. 公示 of the qualified list.
      progress.phase = 'notice';
      await notice('qualified', { workingDays: rules.qualifiedNoticeWorkingDays }, 'notice');
    }

    // 4. 笔试: pass mark, then 1:3 per place to the interview.
    const scoreStep = async (step: typeof S.written | typeof S.interview, of: CampaignApplicant[]) =>
      steps.run(step, {
        townshipId: null,
        assignee: county,
        deadline: { days: timings.scoresDays },
        context: {
          applicants: of.map((a) => ({ applicationId: a.applicationId, name: a.name, positionId: a.positionId })),
        },
      });
    if (withStatus('qualified').length > 0) {
      progress.phase = 'written';
      const written = await scoreStep(S.written, withStatus('qualified'));
      const scores = new Map(written.form.scores.map((s) => [s.applicationId, s.score]));
      await acts.saveScores({
        exam: 'written',
        scores: written.form.scores,
        source: written.form.source ?? null,
        recordedBy: written.actor.userId,
      });
      for (const position of input.positions) {
        const mine = withStatus('qualified').filter((a) => a.positionId === position.positionId);
        for (const a of mine) a.written = scores.get(a.applicationId) ?? null;
        const outcome = shortlistByWritten(
          mine.map((a) => ({ applicationId: a.applicationId, seq: a.seq, written: a.written })),
          position.places,
          rules,
        );
        for (const o of outcome) {
          const a = byId.get(o.applicationId)!;
          if (!o.passed)
            await setStatus(
              a,
              'written_failed',
              a.written === null ? '笔试缺考' : `笔试 ${a.written} 分，未达合格线 ${rules.passMarks.written} 分`,
              written.actor,
            );
          else if (!o.shortlisted)
            await setStatus(a, 'not_shortlisted', `笔试第 ${o.rank} 名，未入围面试`, written.actor);
          else await setStatus(a, 'shortlisted', `笔试第 ${o.rank} 名，入围面试`, written.actor);
        }
      }
    }

    // 5. 面试, then 总成绩 and the ranking per position.
    const queues = new Map<number, CampaignApplicant[]>();
    if (withStatus('shortlisted').length > 0) {
      progress.phase = 'interview';
      const interview = await scoreStep(S.interview, withStatus('shortlisted'));
      const scores = new Map(interview.form.scores.map((s) => [s.applicationId, s.score]));
      await acts.saveScores({
        exam: 'interview',
        scores: interview.form.scores,
        source: interview.form.source ?? null,
        recordedBy: interview.actor.userId,
      });
      const awards = await acts.bonusAwards({ applicationIds: withStatus('shortlisted').map((a) => a.applicationId) });
      for (const position of input.positions) {
        const mine = withStatus('shortlisted').filter((a) => a.positionId === position.positionId);
        for (const a of mine) {
          a.interview = scores.get(a.applicationId) ?? null;
          a.bonus = bonusFor(awards[a.applicationId] ?? [], rules);
        }
        const { ranked, failed } = rankByTotal(
          mine.map((a) => ({
            applicationId: a.applicationId,
            seq: a.seq,
            written: a.written,
            interview: a.interview,
            awards: awards[a.applicationId] ?? [],
          })),
          rules,
        );
        for (const id of failed) {
          const a = byId.get(id)!;
          await setStatus(
            a,
            'interview_failed',
            a.interview === null ? '面试缺考' : `面试 ${a.interview} 分，未达合格线 ${rules.passMarks.interview} 分`,
            interview.actor,
          );
        }
        const queue: CampaignApplicant[] = [];
        for (const r of ranked) {
          const a = byId.get(r.applicationId)!;
          a.total = r.total;
          a.rank = r.rank;
          await setStatus(a, 'ranked', `总成绩 ${r.total} 分（加分 ${r.bonus}），第 ${r.rank} 名`, interview.actor);
          queue.push(a);
        }
        queues.set(position.positionId, queue);
      }
      await acts.recordRecruitmentRanking({
        results: progress.applicants
          .filter((a) => a.rank !== null)
          .map((a) => ({ applicationId: a.applicationId, total: a.total, rank: a.rank })),
      });
      await steps.recordProcessEvent('ranked', null, {
        ranking: progress.applicants
          .filter((a) => a.rank !== null)
          .map((a) => ({ applicationId: a.applicationId, positionId: a.positionId, total: a.total, rank: a.rank })),
      });
    }

    // 6. Rounds of 体检/考察 (递补 on a failure) → 拟录用公示 → 审批 → 录用, until the places are filled.
    const HELD: ApplicationStatus[] = ['inspection', 'proposed', 'hired'];
    const hired: CampaignApplicant[] = [];
    /** A place left by a withdrawal after its fill had ended, with someone ranked to take it. */
    const refillable = () =>
      input.positions.some((p) => {
        const queue = queues.get(p.positionId) ?? [];
        return (
          queue.filter((a) => HELD.includes(a.status)).length < p.places && queue.some((a) => a.status === 'ranked')
        );
      });
    async function fill(positionId: number, places: number): Promise<void> {
      const queue = queues.get(positionId) ?? [];
      while (queue.filter((a) => HELD.includes(a.status)).length < places) {
        const next = queue.find((a) => a.status === 'ranked');
        if (!next) return;
        const left = vacated.get(positionId) ?? [];
        if (left.length > 0) {
          replacements++;
          const gone = left.shift()!;
          await steps.recordProcessEvent('replacement', null, {
            positionId,
            replaced: gone.name,
            ...(withdrawals ? { reason: gone.reason } : {}),
            applicationId: next.applicationId,
            rank: next.rank,
          });
        }
        if (withdrawals) inspecting.add(next.applicationId);
        await setStatus(next, 'inspection', `按总成绩排名第 ${next.rank} 名进入体检和考察`, null);
        // Withdrew or ended meanwhile: the place is vacated already and goes to the next in rank.
        if (gone(next)) continue;
        let result;
        try {
          result = await steps.run(S.inspection, {
            townshipId: next.townshipId,
            occurrence: next.applicationId,
            name: `体检与考察：${next.name}`,
            assignee: county,
            deadline: { workingDays: timings.inspectionWorkingDays },
            context: { applicationId: next.applicationId, applicant: next.name, rank: next.rank, total: next.total },
          });
        } catch (error) {
          if (withdrawals && error instanceof StepClosed) continue;
          throw error;
        } finally {
          inspecting.delete(next.applicationId);
        }
        // Ended while its decision was being taken: the place is vacated already.
        if (result.decision !== 'approve' && !gone(next)) {
          const reason = `体检或考察不合格：${result.comment ?? result.form.findings}`;
          await setStatus(next, 'inspection_failed', reason, result.actor);
          vacate(next, reason);
        }
      }
    }
    for (;;) {
      progress.round++;
      progress.phase = 'inspecting';
      do await Promise.all(input.positions.map((p) => fill(p.positionId, p.places)));
      while (withdrawals && refillable());
      const passed = withStatus('inspection');
      if (passed.length === 0) break;
      for (const a of passed) await setStatus(a, 'proposed', '体检、考察合格，拟录用', null);
      progress.phase = 'hire_notice';
      await notice('proposed', { days: rules.hireNoticeDays }, 'hire_notice');
      const proposed = withStatus('proposed');
      if (proposed.length === 0) continue;
      progress.phase = 'approval';
      const approval = await steps.run(S.approval, {
        townshipId: null,
        occurrence: progress.round,
        name: progress.round === 1 ? '审批录用' : `审批录用（第 ${progress.round} 轮）`,
        assignee: county,
        deadline: { workingDays: timings.approvalWorkingDays },
        context: {
          applicants: proposed.map((a) => ({
            applicationId: a.applicationId,
            name: a.name,
            total: a.total,
            rank: a.rank,
          })),
        },
      });
      for (const a of proposed) {
        if (gone(a)) continue;
        const position = input.positions.find((p) => p.positionId === a.positionId)!;
        const months =
          position.kind === 'civil_service'
            ? rules.probationMonths.civilService
            : rules.probationMonths.publicInstitution;
        const hiredOn = today();
        const { probationEndsOn, servesUntil } = await acts.recordHire({
          applicationId: a.applicationId,
          hiredOn,
          probationMonths: months,
          minimumServiceYears: rules.minimumServiceYears,
        });
        await setStatus(a, 'hired', `录用，试用期至 ${probationEndsOn}，最低服务年限至 ${servesUntil}`, approval.actor);
        hired.push(a);
        await tellApplicant(applicantId(input.idPrefix ?? '', a.applicationId), {
          outcome: 'hired',
          hiredOn,
          probationMonths: months,
        });
      }
    }

    // Everyone else's applicant workflow ends with the status they reached.
    for (const a of withStatus('ranked')) await setStatus(a, 'not_selected', '名额已满，未递补', null);
    // A withdrawn or ended applicant's workflow has ended already.
    for (const a of progress.applicants)
      if (a.status !== 'hired' && a.status !== 'not_recommended' && a.status !== 'withdrawn' && !gone(a))
        await close(a);
    progress.phase = 'done';
    await acts.setCampaignStatus({ campaignId: input.campaignId, status: 'closed' });
    const outcome: CampaignOutcome = {
      hired: hired.map((a) => a.applicationId),
      replacements,
      objections: progress.objections,
    };
    await endProcess('completed', { ...outcome });
    return outcome;
  }

  /**
   * 撤销: every application still under way is cancelled with the county's reason; an outcome
   * already reached stands. The applicant workflows, started in the campaign's scope, are
   * withdrawn with it by Temporal (their open steps close, their rows read 已撤销). The campaign
   * reads 已取消.
   */
  async function cancelApplications(): Promise<void> {
    const given = await acts.campaignCancelReason({ workflowId });
    const reason = given ? `考录方案已撤销：${given}` : '考录方案已撤销';
    for (const a of progress.applicants)
      if (APPLICATION_UNDER_WAY.includes(a.status)) await setStatus(a, 'cancelled', reason, null);
    await acts.setCampaignStatus({ campaignId: input.campaignId, status: 'cancelled' });
  }

  try {
    return await run();
  } catch (error) {
    if (isCancellation(error) && patched(CANCEL_ENDS_APPLICANTS))
      await CancellationScope.nonCancellable(async () => {
        await steps.settle();
        await cancelApplications();
      });
    return endIfCancelled(error, steps);
  }
}
