// 后备干部培养: one workflow per reserve, from 入库 for as long as they are in the pool. A trial
// (试用期, 6 months) then 在库; a mentor named within a month; a mentor talk every 6 months and
// the township Party secretary's every 12, each a task that reminds and escalates up to the
// county; the year's training and placements recorded; a yearly review (合格 / 不合格) read from
// the annual assessment when the reserve was assessed, else the township's; 不合格 leads to the
// township's decision to keep or exit. Each year ends by continuing as new with its state, so
// the history stays short however long the reserve waits. 使用 and 退出 end it at any time.
import {
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  patched,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { boundedActivities } from '../process/activity-incidents.js';
import type { ReserveActivities, ReserveSubject } from '../../activities/reserve-cultivation/reserve-activities.js';
import type { ReserveRecordKind } from '../../db/schema.js';
import { chinaDayOf, chinaYear } from '../../domain/china-time.js';
import { HumanSteps } from '../human-step/human-steps.js';
import { refuse } from '../human-step/refusal.js';
import type { Actor, Assignee } from '../human-step/types.js';
import { addMonths } from '../mentor-pairing/months.js';
import { beginProcess, endIfCancelled, endProcess } from '../process/process-lifecycle.js';
import {
  CULTIVATION_POOL_SETTINGS_PATCH,
  DEFAULT_CULTIVATION_SETTINGS,
  LATE_MENTOR_TALK_PATCH,
  EXIT_KIND_NAMES,
  RESERVE_CULTIVATION,
  cultivationStateQuery,
  exitReserveUpdate,
  useReserveUpdate,
  type CultivationInput,
  cultivationRules,
  type CultivationOutcome,
  type CultivationSettings,
  type CultivationState,
} from './reserve-cultivation-definition.js';
import { reserveCultivationForms } from './reserve-cultivation-forms.js';
import { reserveCultivationSteps as S } from './reserve-cultivation-steps.js';

const acts = boundedActivities<ReserveActivities>({ startToCloseTimeout: '1 minute' });
const DAY = 24 * 3600_000;

export async function reserveCultivation(input: CultivationInput): Promise<CultivationOutcome> {
  const workflowId = workflowInfo().workflowId;
  const main = new CancellationScope();
  let ending: { status: 'used' | 'exited'; reason: string; post?: string; actor: Actor | null } | undefined;
  /**
   * Use and exit are taken from the first moment: one sent right after 入库 (or at the turn of a
   * year) arrives with the run's first task, before the reserve is read, and an Update without a
   * handler at the end of that task is refused. Registered now, it waits until the run is ready.
   */
  let ready = false;
  // Assigned once, when the reserve has been read (below); the handlers use them only after that.
  /* eslint-disable prefer-const */
  let subject: ReserveSubject;
  let steps: HumanSteps;
  let state: CultivationState;
  /* eslint-enable prefer-const */
  // Answered from the first moment too: a run that has just continued as new shows the state it
  // was handed while it reads its reserve (a query the run cannot answer only makes it start over).
  setHandler(cultivationStateQuery, () => {
    const current = (state as CultivationState | undefined) ?? input.carried;
    if (!current) throw new Error('the cultivation is starting');
    return { ...current, eventSeq: (steps as HumanSteps | undefined)?.eventsKeyed ?? current.eventSeq };
  });
  const mayManage = (actor: Actor) =>
    actor.role === 'county_admin' || (actor.role === 'township_officer' && actor.townshipId === subject.townshipId);
  /** What the validator can tell before the reserve is read; the rest is checked once it is. */
  const mayTry = (actor: Actor) =>
    ready ? mayManage(actor) : ['county_admin', 'township_officer'].includes(actor.role);
  /** Uses and exits that came before the run was ready: its year does not start until they are done. */
  let early = 0;
  async function whenReady<T>(actor: Actor, what: string, act: () => Promise<T>): Promise<T> {
    if (ready) return act();
    early++;
    try {
      await condition(() => ready);
      if (!mayManage(actor)) refuse('not_assignee', `only the township officer or the county may ${what} a reserve`);
      if (ending) refuse('task_closed', 'the cultivation has ended');
      return await act();
    } finally {
      early--;
    }
  }
  setHandler(
    useReserveUpdate,
    ({ actor, post, date, note }) =>
      whenReady(actor, 'use', async () => {
        ending = { status: 'used', reason: note?.trim() || `当选/任用为${post}`, post, actor };
        await acts.setReserveStatus({
          reserveId: input.reserveId,
          to: 'used',
          reason: `已使用：${post}${note ? `（${note}）` : ''}`,
          on: date,
          actorUserId: actor.userId,
          workflowId,
          usedPost: post,
        });
        await steps.recordProcessEvent('used', actor, { post, date }, note?.trim() || ending.reason);
        main.cancel();
        return { reserveId: input.reserveId, personId: subject.personId, mentor: state.mentor };
      }),
    {
      validator: ({ actor, post, date }) => {
        if (!mayTry(actor)) refuse('not_assignee', 'only the township officer or the county may use a reserve');
        if (ending) refuse('task_closed', 'the cultivation has ended');
        if (!post?.trim()) refuse('invalid_request', 'the post is required', [{ field: 'post', message: 'required' }]);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? ''))
          refuse('invalid_request', 'the date is required', [{ field: 'date', message: 'required' }]);
      },
    },
  );
  setHandler(
    exitReserveUpdate,
    ({ actor, kind, reason }) =>
      whenReady(actor, 'exit', async () => {
        const why = `${EXIT_KIND_NAMES[kind]}：${reason}`;
        ending = { status: 'exited', reason: why, actor };
        await exit(why, actor);
        main.cancel();
      }),
    {
      validator: ({ actor, kind, reason }) => {
        if (!mayTry(actor)) refuse('not_assignee', 'only the township officer or the county may exit a reserve');
        if (ending) refuse('task_closed', 'the cultivation has ended');
        if (!(kind in EXIT_KIND_NAMES))
          refuse('invalid_request', 'unknown kind', [{ field: 'kind', message: 'invalid' }]);
        if (!reason?.trim())
          refuse('invalid_request', 'a reason is required', [{ field: 'reason', message: 'required' }]);
      },
    },
  );

  subject = await acts.reserveSubject(input.reserveId);
  // Runs since this patch read the county's settings in force at their start (each year).
  const readsPoolSettings = patched(CULTIVATION_POOL_SETTINGS_PATCH);
  // The county's settings in force for this year, below what the input fixes for this reserve.
  const rules = readsPoolSettings
    ? await acts.reservePoolSettings().then(({ version, settings }) => cultivationRules(version, settings))
    : undefined;
  const { version: _version, ...fromCounty } = rules ?? { version: 0 };
  const settings: CultivationSettings = { ...DEFAULT_CULTIVATION_SETTINGS, ...fromCounty, ...input.settings };
  const title = `后备干部培养：${subject.name}`;
  const now = new Date(Date.now()).toISOString();
  state = input.carried ?? {
    year: 1,
    yearStart: now,
    enteredAt: now,
    trialDone: subject.status === 'in_pool',
    mentor: subject.mentor,
    mentorTalks: 0,
    secretaryTalks: 0,
    missedTalks: 0,
    failedYears: 0,
    reviews: [],
    eventSeq: 0,
  };
  if (rules) state.rules = rules;
  steps = new HumanSteps({
    type: RESERVE_CULTIVATION,
    title,
    forms: reserveCultivationForms,
    startedBy: input.startedBy,
    eventSeqFrom: state.eventSeq,
  });
  const { townshipId, villageId } = subject;
  const officer: Assignee = { kind: 'role', role: 'township_officer', townshipId };
  const secretary: Assignee = { kind: 'role', role: 'township_secretary', townshipId };
  const base = { townshipId, villageId };
  const today = () => chinaDayOf(Date.now());
  // Runs before the patch took actions as soon as the reserve was read; later ones once registered.
  if (!readsPoolSettings) ready = true;

  async function exit(reason: string, actor: Actor | null) {
    await acts.setReserveStatus({
      reserveId: input.reserveId,
      to: 'exited',
      reason: `退出：${reason}`,
      on: today(),
      actorUserId: actor?.userId ?? null,
      workflowId,
      exitReason: reason,
    });
    await steps.recordProcessEvent('exited', actor, {}, reason);
  }

  async function record(key: string, kind: ReserveRecordKind, detail: string | null, on: string, extra = {}) {
    await acts.recordReserveRecord({
      key: `${workflowId}:${key}`,
      reserveId: input.reserveId,
      kind,
      detail,
      startedOn: on,
      recordedBy: null,
      workflowId,
      ...extra,
    });
  }

  if (!input.carried)
    await beginProcess({
      type: RESERVE_CULTIVATION,
      title,
      townshipId,
      villageId,
      subjectPersonId: subject.personId,
      startedBy: input.startedBy,
      params: { reserveId: input.reserveId, settings, ...(rules ? { settingsVersion: rules.version } : {}) },
    });
  ready = true;

  const outcome = (): CultivationOutcome => ({
    status: ending!.status,
    reason: ending!.reason,
    ...(ending!.post ? { post: ending!.post } : {}),
    years: state.year,
    missedTalks: state.missedTalks,
    reviews: state.reviews,
  });

  if (readsPoolSettings) {
    // Used or exited before the year began (right after 入库): closed without starting it, so no
    // step is cut off half-opened.
    await condition(() => early === 0);
    if (ending) {
      const final = outcome();
      await endProcess(final.status === 'used' ? 'completed' : 'ended_early', { ...final });
      return final;
    }
  }

  // Years count from entry (not one from the other), so a 29 February or a 31st never drifts.
  const entered = new Date(state.enteredAt);
  const yearEnd = addMonths(entered, state.year * 12).getTime();
  const until = async (at: number) => {
    if (at > Date.now()) await sleep(at - Date.now());
  };

  async function trial(): Promise<void> {
    if (state.trialDone) return;
    await until(addMonths(new Date(state.enteredAt), settings.trialMonths).getTime());
    await acts.setReserveStatus({
      reserveId: input.reserveId,
      to: 'in_pool',
      reason: `试用期满（${settings.trialMonths} 个月），转为在库`,
      on: today(),
      actorUserId: null,
      workflowId,
    });
    state.trialDone = true;
    await steps.recordProcessEvent(
      'trial_completed',
      null,
      { months: settings.trialMonths },
      `试用期满（${settings.trialMonths} 个月），转为在库`,
    );
  }

  async function nameMentor(): Promise<void> {
    let refusal: string | undefined;
    while (!state.mentor) {
      const named = await steps.run(S.mentorAssign, {
        ...base,
        assignee: officer,
        deadline: { days: settings.mentorDays },
        context: { reserve: subject.name, refusal },
      });
      const result = await acts.assignMentor({ reserveId: input.reserveId, mentorPersonId: named.form.mentorPersonId });
      if (result.ok) {
        state.mentor = result.mentor;
        await steps.recordProcessEvent('mentor_named', named.actor, { mentor: result.mentor }, named.form.note);
      } else refusal = result.reason;
    }
  }

  // Talks of this year, each in its own scope: one still open when the year closes is missed.
  const talkScopes: CancellationScope[] = [];
  const talkRuns: Promise<void>[] = [];
  let talksPending = 0;
  function talks(kind: 'mentor' | 'secretary', everyMonths: number): void {
    // Due dates count from entry, so a 6-month rhythm runs on across the years: this year's are
    // those after month 12 × (year − 1) up to month 12 × year.
    const first = Math.floor(((state.year - 1) * 12) / everyMonths) + 1;
    const last = Math.floor((state.year * 12) / everyMonths);
    for (let m = first; m <= last; m++) {
      const due = addMonths(entered, m * everyMonths);
      talksPending++;
      let opened = false;
      const scope = new CancellationScope();
      talkScopes.push(scope);
      talkRuns.push(
        scope
          .run(async () => {
            await until(due.getTime() - settings.talkLeadDays * DAY);
            opened = true;
            if (kind === 'mentor') await condition(() => state.mentor !== null);
            const n = kind === 'mentor' ? ++state.mentorTalks : ++state.secretaryTalks;
            const step = kind === 'mentor' ? S.mentorTalk : S.secretaryTalk;
            const mentor = state.mentor;
            const assignee: Assignee =
              kind === 'secretary' ? secretary : mentor?.userId ? { kind: 'user', userId: mentor.userId } : officer;
            // A mentor named after the talk's day: it opens late, with the grace a late talk has.
            const late = Date.now() >= due.getTime() && patched(LATE_MENTOR_TALK_PATCH);
            const done = await steps.run(step, {
              ...base,
              occurrence: n,
              name: `${step.name}（第 ${n} 次）：${subject.name}`,
              assignee,
              deadline: late ? { days: settings.lateTalkDays } : { at: due.toISOString() },
              context: { reserve: subject.name, mentor: mentor?.name, due: chinaDayOf(due.getTime()) },
            });
            await record(
              `${step.key}.${n}`,
              kind === 'mentor' ? 'mentor_talk' : 'secretary_talk',
              kind === 'mentor' ? (mentor?.name ?? null) : null,
              done.form.date,
              { note: done.form.content, recordedBy: done.actor.userId },
            );
          })
          .catch((error) => {
            if (!isCancellation(error)) throw error;
            // Missed: opened and past its day when closed; one not yet due is no gap.
            if (opened && Date.now() > due.getTime()) state.missedTalks++;
          })
          .finally(() => talksPending--),
      );
    }
  }

  async function training(): Promise<number> {
    await until(yearEnd - settings.talkLeadDays * DAY);
    const done = await steps.run(S.training, {
      ...base,
      occurrence: state.year,
      name: `第 ${state.year} 年培训与岗位锻炼：${subject.name}`,
      assignee: officer,
      deadline: { at: new Date(yearEnd).toISOString() },
      context: { reserve: subject.name, year: state.year, required: settings.yearlyTrainingRequired },
    });
    const { trainings = [], placements = [] } = done.form;
    for (const [i, t] of trainings.entries())
      await record(`training.y${state.year}.${i}`, 'training', t.name, t.date, { recordedBy: done.actor.userId });
    for (const [i, p] of placements.entries())
      await record(`placement.y${state.year}.${i}`, 'placement', p.kind, p.startedOn, {
        endedOn: p.endedOn ?? null,
        note: p.note ?? null,
        recordedBy: done.actor.userId,
      });
    return trainings.length;
  }

  /** 年度考察: the annual assessment's grade where there is one, else the township's review. */
  async function review(trainings: number): Promise<'pass' | 'fail'> {
    await until(yearEnd);
    const assessmentYear = chinaYear(yearEnd - DAY);
    const verdict = await acts.assessmentVerdict({ personId: subject.personId, year: assessmentYear });
    let result: 'pass' | 'fail';
    let source: 'assessment' | 'township';
    if (verdict) {
      result = verdict;
      source = 'assessment';
      await record(`review.y${state.year}`, 'review', result, today(), { note: `${assessmentYear} 年度考核结果` });
    } else {
      const done = await steps.run(S.review, {
        ...base,
        occurrence: state.year,
        name: `第 ${state.year} 年年度考察：${subject.name}`,
        assignee: officer,
        deadline: { workingDays: settings.reviewWorkingDays },
        context: {
          reserve: subject.name,
          year: state.year,
          trainings,
          trainingMissing: settings.yearlyTrainingRequired && trainings === 0,
          missedTalks: state.missedTalks,
        },
      });
      result = done.form.result;
      source = 'township';
      await record(`review.y${state.year}`, 'review', result, today(), {
        note: done.form.comment,
        recordedBy: done.actor.userId,
      });
    }
    state.reviews.push({ year: state.year, result, source });
    return result;
  }

  async function year(): Promise<'next' | 'exited'> {
    talks('mentor', settings.mentorTalkMonths);
    talks('secretary', settings.secretaryTalkMonths);
    const [, , trainings] = await Promise.all([trial(), nameMentor(), training()]);
    const result = await review(trainings);
    if (result === 'fail') {
      state.failedYears++;
      const decision = await steps.run(S.keepOrExit, {
        ...base,
        occurrence: state.year,
        name: `不合格处理：${subject.name}`,
        assignee: secretary,
        deadline: { workingDays: settings.decisionWorkingDays },
        context: { reserve: subject.name, year: state.year },
      });
      if (decision.form.decision === 'exit') {
        ending = { status: 'exited', reason: `年度考察不合格：${decision.form.reason}`, actor: decision.actor };
        await exit(ending.reason, decision.actor);
        return 'exited';
      }
      await steps.recordProcessEvent('kept', decision.actor, { year: state.year }, decision.form.reason);
    }
    // Late talks may still be recorded for a while; then they are missed.
    await condition(() => talksPending === 0, Math.max(yearEnd + settings.lateTalkDays * DAY - Date.now(), 1));
    return 'next';
  }

  let next: 'next' | 'exited';
  try {
    next = await main.run(year);
  } catch (error) {
    if (!isCancellation(error) || !ending) return endIfCancelled(error, steps);
    // 使用 or 退出 from the township: open steps closed, the outcome recorded.
    for (const scope of talkScopes) scope.cancel();
    await steps.settle();
    await CancellationScope.nonCancellable(() => Promise.all(talkRuns));
    const final = outcome();
    await CancellationScope.nonCancellable(() =>
      endProcess(final.status === 'used' ? 'completed' : 'ended_early', { ...final }),
    );
    return final;
  }
  for (const scope of talkScopes) scope.cancel();
  await Promise.all(talkRuns);
  if (next === 'exited') {
    const final = outcome();
    await endProcess('ended_early', { ...final });
    return final;
  }
  // The year is over: the next one runs as a new run of the same workflow, with this state.
  return continueAsNew<typeof reserveCultivation>({
    reserveId: input.reserveId,
    startedBy: input.startedBy,
    settings: input.settings,
    carried: {
      ...state,
      year: state.year + 1,
      yearStart: new Date(yearEnd).toISOString(),
      eventSeq: steps.eventsKeyed,
    },
  });
}
