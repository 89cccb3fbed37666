// 导师帮带: a township proposes a mentor for a newly elected cadre; the township Party
// secretary approves; the mentee drafts a growth plan; every month the mentor records an
// exchange; month 6 brings a mid-term review; at the end both sides evaluate and the township
// signs off, and 不合格 extends the term once. The mentor can be replaced and the pairing ended
// early at any time, with the history kept.
import { CancellationScope, isCancellation, setHandler, sleep } from '@temporalio/workflow';
import { HumanSteps } from '../human-step/human-steps.js';
import { refuse } from '../human-step/refusal.js';
import type { Actor, Assignee } from '../human-step/types.js';
import { beginProcess, endIfCancelled, endProcess } from '../process/process-lifecycle.js';
import {
  DEFAULT_MENTOR_PAIRING_SETTINGS,
  MENTOR_PAIRING,
  endPairingEarlyUpdate,
  reassignMentorUpdate,
  type MentorPairingInput,
  type MentorPairingOutcome,
  type PairingPerson,
} from './mentor-pairing-definition.js';
import { mentorPairingForms, type MentorEvaluationForm } from './mentor-pairing-forms.js';
import { exchangeTimers, mentorPairingSteps as S } from './mentor-pairing-steps.js';
import { addMonths } from './months.js';

export async function mentorPairing(input: MentorPairingInput): Promise<MentorPairingOutcome> {
  const settings = { ...DEFAULT_MENTOR_PAIRING_SETTINGS, ...input.settings };
  const title = `导师帮带：${input.mentor.name} → ${input.mentee.name}`;
  const steps = new HumanSteps({ type: MENTOR_PAIRING, title, forms: mentorPairingForms, startedBy: input.proposedBy });
  const township = input.townshipId;
  const officer: Assignee = { kind: 'role', role: 'township_officer', townshipId: township };
  const user = (p: PairingPerson): Assignee => ({ kind: 'user', userId: p.userId });
  let mentor = input.mentor;
  let endedEarly: { reason: string } | undefined;
  const counts = { recorded: 0, missed: 0 };
  const main = new CancellationScope();

  const mayManage = (actor: Actor) =>
    actor.role === 'county_admin' || (actor.role === 'township_officer' && actor.townshipId === township);

  setHandler(
    reassignMentorUpdate,
    async ({ actor, mentor: next, reason }) => {
      const previous = mentor;
      mentor = next;
      const moved = await steps.reassignOpen(previous.userId, next.userId, actor, reason);
      await steps.recordProcessEvent(
        'mentor_reassigned',
        actor,
        { from: previous, to: next, tasksMoved: moved },
        reason,
      );
      return { moved };
    },
    {
      validator: ({ actor, mentor: next, reason }) => {
        if (!mayManage(actor))
          refuse('not_assignee', 'only the township officer or the county may reassign the mentor');
        if (endedEarly) refuse('task_closed', 'the pairing has ended');
        if (!reason?.trim())
          refuse('invalid_request', 'a reason is required', [{ field: 'reason', message: 'required' }]);
        if (next.personId === mentor.personId)
          refuse('invalid_request', 'that person is already the mentor', [
            { field: 'mentorPersonId', message: 'same' },
          ]);
        if (next.personId === input.mentee.personId)
          refuse('invalid_request', 'the mentee cannot mentor themselves', [
            { field: 'mentorPersonId', message: 'mentee' },
          ]);
      },
    },
  );

  setHandler(
    endPairingEarlyUpdate,
    async ({ actor, reason }) => {
      endedEarly = { reason };
      await steps.recordProcessEvent('ended_early', actor, {}, reason);
      main.cancel();
    },
    {
      validator: ({ actor, reason }) => {
        if (!mayManage(actor)) refuse('not_assignee', 'only the township officer or the county may end a pairing');
        if (endedEarly) refuse('task_closed', 'the pairing has already ended');
        if (!reason?.trim())
          refuse('invalid_request', 'a reason is required', [{ field: 'reason', message: 'required' }]);
      },
    },
  );

  await beginProcess({
    type: MENTOR_PAIRING,
    title,
    townshipId: township,
    villageId: input.villageId,
    subjectPersonId: input.mentee.personId,
    startedBy: input.proposedBy,
    params: { mentee: input.mentee, mentor: input.mentor, reason: input.reason, settings },
  });

  const context = () => ({ mentee: input.mentee.name, mentor: mentor.name, township, reason: input.reason });
  const base = { townshipId: township, villageId: input.villageId };

  async function growthPlan(): Promise<void> {
    for (;;) {
      await steps.run(S.growthPlanDraft, {
        ...base,
        assignee: user(input.mentee),
        deadline: { days: settings.growthPlanDays },
        context: context(),
      });
      const review = await steps.run(S.growthPlanReview, {
        ...base,
        assignee: user(mentor),
        deadline: { workingDays: settings.reviewWorkingDays },
        context: context(),
      });
      if (review.decision === 'return') continue;
      const approval = await steps.run(S.growthPlanApproval, {
        ...base,
        assignee: officer,
        deadline: { workingDays: settings.reviewWorkingDays },
        context: context(),
      });
      if (approval.decision === 'approve') return;
    }
  }

  const exchangeScopes: CancellationScope[] = [];
  const exchangeRuns: Promise<void>[] = [];

  /** Each month's exchange is its own step: a late one stays open while the next month begins. */
  async function scheduleExchanges(termStart: Date, fromMonth: number, toMonth: number): Promise<void> {
    for (let month = fromMonth; month <= toMonth; month++) {
      const opens = addMonths(termStart, month - 1).getTime();
      if (opens > Date.now()) await sleep(opens - Date.now());
      const scope = new CancellationScope();
      exchangeScopes.push(scope);
      const due = addMonths(termStart, month).toISOString();
      exchangeRuns.push(
        scope
          .run(() =>
            steps.run(S.exchange, {
              ...base,
              ...exchangeTimers(settings),
              occurrence: month,
              name: `第 ${month} 月定期交流`,
              assignee: user(mentor),
              deadline: { at: due },
              context: { ...context(), month },
            }),
          )
          .then(
            () => void counts.recorded++,
            (error) => {
              if (!isCancellation(error)) throw error;
              counts.missed++;
            },
          ),
      );
    }
  }

  async function midterm(termStart: Date): Promise<void> {
    const at = addMonths(termStart, settings.midtermMonth).getTime();
    if (at > Date.now()) await sleep(at - Date.now());
    await steps.run(S.midtermReview, { ...base, assignee: user(mentor), cc: [officer], context: context() });
  }

  const mentorEvaluation = () =>
    steps.run(S.finalMentorEvaluation, {
      ...base,
      assignee: user(mentor),
      deadline: { days: settings.evaluationDays },
      context: context(),
    });

  /** Both sides evaluate at once; the township signs off or sends the mentor's evaluation back. */
  async function evaluate(): Promise<MentorEvaluationForm> {
    let [, evaluation] = await Promise.all([
      steps.run(S.finalSelfEvaluation, {
        ...base,
        assignee: user(input.mentee),
        deadline: { days: settings.evaluationDays },
        context: context(),
      }),
      mentorEvaluation(),
    ]);
    for (;;) {
      const signOff = await steps.run(S.finalSignOff, {
        ...base,
        assignee: officer,
        deadline: { workingDays: settings.reviewWorkingDays },
        context: { ...context(), grade: evaluation.form.grade },
      });
      if (signOff.decision === 'approve') return evaluation.form;
      evaluation = await mentorEvaluation();
    }
  }

  async function run(): Promise<MentorPairingOutcome> {
    const secretary: Assignee = { kind: 'role', role: 'township_secretary', townshipId: township };
    const approval = await steps.run(S.proposalApproval, {
      ...base,
      assignee: secretary,
      deadline: { workingDays: settings.approvalWorkingDays },
      context: context(),
    });
    if (approval.decision === 'reject')
      return {
        status: 'rejected',
        reason: approval.comment,
        mentorPersonId: mentor.personId,
        exchangesRecorded: 0,
        exchangesMissed: 0,
      };

    const termStart = new Date(Date.now());
    let termMonths = settings.termMonths;
    await Promise.all([growthPlan(), scheduleExchanges(termStart, 1, termMonths), midterm(termStart)]);
    const termEnd = addMonths(termStart, termMonths).getTime();
    if (termEnd > Date.now()) await sleep(termEnd - Date.now());
    let result = await evaluate();
    let extended = false;
    if (result.grade === 'unqualified' && settings.extensionMonths > 0) {
      extended = true;
      await steps.recordProcessEvent(
        'term_extended',
        null,
        { months: settings.extensionMonths },
        '评价为不合格，延长帮带期',
      );
      await scheduleExchanges(termStart, termMonths + 1, termMonths + settings.extensionMonths);
      termMonths += settings.extensionMonths;
      const extendedEnd = addMonths(termStart, termMonths).getTime();
      if (extendedEnd > Date.now()) await sleep(extendedEnd - Date.now());
      result = await evaluate();
    }
    return {
      status: 'completed',
      grade: result.grade,
      extended,
      mentorPersonId: mentor.personId,
      exchangesRecorded: 0,
      exchangesMissed: 0,
    };
  }

  try {
    const outcome = await main.run(run);
    // Exchanges still open at the end of the term are gaps: closed, and counted as missed.
    for (const scope of exchangeScopes) scope.cancel();
    await Promise.all(exchangeRuns);
    const final = { ...outcome, exchangesRecorded: counts.recorded, exchangesMissed: counts.missed };
    await endProcess(final.status, { ...final });
    return final;
  } catch (error) {
    // Cancelled from outside (the county withdrew the process), not ended early by a decision.
    if (!isCancellation(error) || !endedEarly) return endIfCancelled(error, steps);
    await steps.settle();
    for (const scope of exchangeScopes) scope.cancel();
    await CancellationScope.nonCancellable(() => Promise.all(exchangeRuns));
    const final: MentorPairingOutcome = {
      status: 'ended_early',
      reason: endedEarly.reason,
      mentorPersonId: mentor.personId,
      exchangesRecorded: counts.recorded,
      exchangesMissed: counts.missed,
    };
    await CancellationScope.nonCancellable(() => endProcess('ended_early', { ...final }));
    return final;
  }
}
