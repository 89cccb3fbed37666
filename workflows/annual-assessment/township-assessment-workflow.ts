// A township's annual assessment (乡镇年度考核): one child per cadre; ranking when all are scored
// or at the deadline (the missing listed, never skipped silently); public notice (公示) with
// objections (异议) that must be answered, an upheld one reopening that cadre's score and
// re-ranking (each version kept); then outcomes: the top three flagged, the bottom three a
// reminder talk (提醒谈话) that escalates to the county when not recorded in time.
import { WorkflowIdReusePolicy } from '@temporalio/common';
import {
  CancellationScope,
  ParentClosePolicy,
  condition,
  isCancellation,
  patched,
  setHandler,
  sleep,
  startChild,
} from '@temporalio/workflow';
import { boundedActivities } from '../process/activity-incidents.js';
import type { AssessmentActivities } from '../../activities/annual-assessment/assessment-activities.js';
import { HumanSteps } from '../human-step/human-steps.js';
import { refuse } from '../human-step/refusal.js';
import type { StepActivities } from '../human-step/step-activities.js';
import type { Assignee } from '../human-step/types.js';
import { ENDS_AS_CANCELLED, beginProcess, endIfCancelledSince, endProcess } from '../process/process-lifecycle.js';
import {
  ANNUAL_ASSESSMENT,
  DEFAULT_ASSESSMENT_SETTINGS,
  cadreAssessmentId,
  cycleProgressQuery,
  fileObjectionUpdate,
  type CadreAssessmentResult,
  type CycleProgress,
  type TownshipCycleInput,
} from './annual-assessment-definition.js';
import { annualAssessmentForms } from './annual-assessment-forms.js';
import { annualAssessmentSteps as S } from './annual-assessment-steps.js';
import { cadreAssessment } from './cadre-assessment-workflow.js';
import { cadreEndedHow } from './cadre-ended.js';
import { rank, type RankedEntry, type Scored } from './ranking.js';
import { gradeOf, weightedTotal } from './rubric.js';

/** The officer publishes the notice and confirms the results (before: both happened by themselves). */
const OFFICER_PUBLISHES_AND_CONFIRMS = 'officer-publishes-and-confirms';

/** What the officer sees of the ranking on the publish and confirm steps. */
function rankingContext(ranking: RankedEntry[], missing: { name: string }[]) {
  return {
    ranked: ranking.length,
    topThree: ranking
      .filter((r) => r.top)
      .map((r) => r.name)
      .join('、'),
    bottomThree: ranking
      .filter((r) => r.bottom)
      .map((r) => r.name)
      .join('、'),
    missingNames: missing.map((m) => m.name).join('、'),
  };
}

const acts = boundedActivities<AssessmentActivities & Pick<StepActivities, 'resolveStepSchedule'>>({
  startToCloseTimeout: '1 minute',
});

type TownshipSummary = { ranked: number; missing: number; versions: number; objections: number };

const townshipTitle = (year: number) => `${year} 年度考核（乡镇汇总）`;

export async function townshipAssessment(input: TownshipCycleInput): Promise<TownshipSummary> {
  const steps = new HumanSteps({
    type: ANNUAL_ASSESSMENT,
    title: townshipTitle(input.year),
    forms: annualAssessmentForms,
    startedBy: input.startedBy,
  });
  try {
    return await assessTownship(input, steps);
  } catch (error) {
    return endIfCancelledSince(ENDS_AS_CANCELLED, error, steps);
  }
}

async function assessTownship(input: TownshipCycleInput, steps: HumanSteps): Promise<TownshipSummary> {
  const settings = { ...DEFAULT_ASSESSMENT_SETTINGS, ...input.settings };
  const { year, townshipId, rubric } = input;
  const prefix = input.idPrefix ?? '';
  const title = townshipTitle(year);
  const officer: Assignee = { kind: 'role', role: 'township_officer', townshipId };
  const progress: CycleProgress = { phase: 'assessing', assessed: 0, total: 0, rankingVersion: 0, objections: 0 };
  setHandler(cycleProgressQuery, () => progress);
  // Known from the start, so an objection outside the notice gets a clear refusal, not "no handler".
  let noticeOpen = false;
  const scored = new Map<number, Scored>();
  let missing: { personId: number; name: string; waitingOn: string }[] = [];
  let pending = 0;
  setHandler(
    fileObjectionUpdate,
    async ({ actor, personId, reason }) => {
      const n = ++progress.objections;
      pending++;
      await steps.recordProcessEvent('objection_filed', actor, { personId, objection: n }, reason);
      void answerObjection(n, personId, reason).finally(() => pending--);
      return { objection: n };
    },
    {
      validator: ({ actor, personId, reason }) => {
        if (!noticeOpen) refuse('task_closed', 'objections are taken only during the public notice');
        if (actor.role !== 'county_admin' && actor.townshipId !== townshipId)
          refuse('not_assignee', 'objections come from within the township');
        if (!scored.has(personId) && !missing.some((m) => m.personId === personId))
          refuse('invalid_request', 'that person is not assessed here', [{ field: 'personId', message: 'invalid' }]);
        if (!reason?.trim())
          refuse('invalid_request', 'a reason is required', [{ field: 'reason', message: 'required' }]);
      },
    },
  );

  await beginProcess({
    type: ANNUAL_ASSESSMENT,
    title,
    townshipId,
    villageId: null,
    subjectPersonId: null,
    startedBy: input.startedBy,
    params: { year, rubric, settings, level: 'township' },
  });
  const cadres = await acts.listTownshipCadres(townshipId);
  progress.total = cadres.length;

  // 1. One child per cadre, each in its own scope so the unfinished can be closed at the deadline.
  const results = new Map<number, CadreAssessmentResult>();
  /** Cadres whose process ended without a result (撤销, 强制终止, a failure), with how. */
  const ended = new Map<number, string>();
  const scopes = new Map<number, CancellationScope>();
  const runs: Promise<void>[] = [];
  for (const cadre of cadres.filter((c) => c.userId !== null)) {
    const scope = new CancellationScope();
    scopes.set(cadre.personId, scope);
    runs.push(
      scope
        .run(async () => {
          const child = await startChild(cadreAssessment, {
            workflowId: cadreAssessmentId(prefix, year, cadre.personId),
            parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            args: [
              {
                year,
                townshipId,
                villageId: cadre.villageId,
                person: { personId: cadre.personId, userId: cadre.userId!, name: cadre.name },
                isSecretary: cadre.isSecretary,
                rubric,
                settings,
                startedBy: input.startedBy,
              },
            ],
          });
          results.set(cadre.personId, await child.result());
          progress.assessed = results.size;
        })
        .catch((error) => {
          // closed here, at the deadline or with the township's withdrawal
          if (scope.consideredCancelled && isCancellation(error)) return;
          const how = cadreEndedHow(error);
          if (how !== undefined) ended.set(cadre.personId, how);
          else if (!isCancellation(error)) throw error;
        }),
    );
  }
  const withAccount = scopes.size;
  await condition(() => results.size + ended.size === withAccount, `${settings.rankingDeadlineDays} days`);

  // 2. Ranking: the missing are listed with the step they wait on, then their children closed.
  const unfinished = cadres.filter((c) => !results.has(c.personId));
  const waiting = await acts.openStepNames(unfinished.map((c) => cadreAssessmentId(prefix, year, c.personId)));
  missing = unfinished.map((c) => ({
    personId: c.personId,
    name: c.name,
    waitingOn:
      c.userId === null
        ? '无登录账号'
        : (ended.get(c.personId) ?? waiting[cadreAssessmentId(prefix, year, c.personId)] ?? '未知'),
  }));
  for (const c of unfinished) if (!ended.has(c.personId)) scopes.get(c.personId)?.cancel();
  await Promise.all(runs);

  for (const c of cadres)
    if (results.has(c.personId)) scored.set(c.personId, { ...results.get(c.personId)!, name: c.name });
  let ranking: RankedEntry[] = [];
  const publish = async (final: boolean) => {
    ranking = rank(rubric, [...scored.values()]);
    if (!final) progress.rankingVersion++;
    await acts.recordRanking({
      year,
      townshipId,
      version: progress.rankingVersion,
      final,
      rows: [
        ...ranking.map((r) => ({
          personId: r.personId,
          total: r.total,
          grade: gradeOf(rubric, r.total),
          rank: r.rank,
          top: r.top,
          bottom: r.bottom,
          missingStep: null,
          scores: r.scores,
        })),
        ...missing.map((m) => ({
          personId: m.personId,
          total: null,
          grade: null,
          rank: null,
          top: false,
          bottom: false,
          missingStep: m.waitingOn,
          scores: {},
        })),
      ],
    });
  };
  await publish(false);

  // 3. Public notice: objections come in as an Update while it lasts; each must be answered.
  // Years started before this patch published the ranking by themselves the moment it was made;
  // now the township officer publishes it (发布公示), and the notice runs from that moment.
  const officerPublishes = patched(OFFICER_PUBLISHES_AND_CONFIRMS);
  let publishedBy: number | null = null;
  if (officerPublishes) {
    progress.phase = 'ranked';
    const ranked = rankingContext(ranking, missing);
    const published = await steps.run(S.publishNotice, {
      townshipId,
      assignee: officer,
      deadline: { workingDays: settings.publishWorkingDays },
      context: { year, ...ranked },
    });
    publishedBy = published.actor.userId;
    await steps.recordProcessEvent(
      'notice_published',
      published.actor,
      { version: progress.rankingVersion, where: published.form.where },
      published.comment,
    );
  }
  const openedAt = new Date().toISOString();
  const notice = await acts.resolveStepSchedule({ openedAt, deadline: { workingDays: settings.noticeWorkingDays } });
  if (officerPublishes) await acts.openNotice({ year, townshipId, openedAt, endsAt: notice.dueAt, publishedBy });
  // Record, then report: the console reads 公示中 only once the notice's dates are stored, and
  // objections are taken only from then on. (Query state and validators are not in history.)
  progress.phase = 'notice';
  noticeOpen = true;
  async function answerObjection(n: number, personId: number, reason: string): Promise<void> {
    const name = scored.get(personId)?.name ?? missing.find((m) => m.personId === personId)?.name ?? String(personId);
    const context = { year, cadre: name, objection: reason };
    const answer = await steps.run(S.objectionAnswer, {
      townshipId,
      occurrence: n,
      name: `异议答复：${name}`,
      assignee: officer,
      deadline: { workingDays: settings.objectionAnswerWorkingDays },
      context,
    });
    if (answer.decision !== 'approve' || !scored.has(personId)) return;
    const rescore = await steps.run(S.rescore, {
      townshipId,
      occurrence: n,
      name: `重新评分：${name}`,
      formRequires: rubric.items.map((i) => `scores.${i.key}`),
      assignee: officer,
      deadline: { workingDays: settings.scoringWorkingDays },
      context: { ...context, rubric: rubric.items, previous: scored.get(personId)!.scores },
    });
    const scores = Object.fromEntries(rubric.items.map((i) => [i.key, rescore.form.scores[i.key]]));
    scored.set(personId, { ...scored.get(personId)!, scores, total: weightedTotal(rubric, scores) });
    await publish(false);
  }

  await sleep(Math.max(Date.parse(notice.dueAt) - Date.now(), 1));
  noticeOpen = false;
  progress.phase = 'answering';
  await condition(() => pending === 0);
  if (officerPublishes) {
    // 确认考核结果: the officer closes the year; the results become final with this decision.
    progress.phase = 'closing';
    const closing = {
      year,
      objections: progress.objections,
      versions: progress.rankingVersion,
      ...rankingContext(ranking, missing),
    };
    await steps.run(S.confirmResults, {
      townshipId,
      assignee: officer,
      deadline: { workingDays: settings.confirmWorkingDays },
      context: closing,
    });
  }
  await publish(true);

  // 4. Outcomes: reminder talks for the bottom three, escalating to the county when late.
  progress.phase = 'outcomes';
  const secretary: Assignee = { kind: 'role', role: 'township_secretary', townshipId };
  await Promise.all(
    ranking
      .filter((r) => r.bottom)
      .map((r) =>
        steps.run(S.reminderTalk, {
          townshipId,
          occurrence: r.personId,
          name: `提醒谈话：${r.name}`,
          assignee: secretary,
          deadline: { workingDays: settings.reminderTalkWorkingDays },
          context: { year, cadre: r.name, total: r.total, rank: r.rank },
        }),
      ),
  );
  progress.phase = 'done';
  const summary = {
    ranked: ranking.length,
    missing: missing.length,
    versions: progress.rankingVersion,
    objections: progress.objections,
  };
  await endProcess('completed', {
    ...summary,
    top: ranking.filter((r) => r.top).map((r) => r.personId),
    bottom: ranking.filter((r) => r.bottom).map((r) => r.personId),
  });
  return summary;
}
