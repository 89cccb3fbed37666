// 后备干部年度推选: one workflow per township and year. The township officer opens it with a
// window; village Party secretaries nominate (组织推荐), villages enter mass nominations (群众推荐),
// people apply (个人自荐) — each an Update the API has checked for eligibility first. Each village
// confirms at least the minimum or says why not. 资格初审 by the village branch, then the
// township; an optional exam ranks each village's applicants (intake-ranking.ts) and keeps one
// place per two applicants; 考察 one per place, a failure replaced by the next in rank (递补);
// 县级联审 approves or returns people with reasons; 公示 with objections, an upheld one removing
// the person and the next in rank moving up; then 入库 (试用期) and 备案. Every change of a
// nominee's status is a reserve_status_changes row with its reason, day and actor.
import {
  ParentClosePolicy,
  condition,
  patched,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { boundedActivities } from '../process/activity-incidents.js';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { ReserveActivities } from '../../activities/reserve-cultivation/reserve-activities.js';
import type { ReserveStatus } from '../../db/schema.js';
import { chinaDayOf } from '../../domain/china-time.js';
import { HumanSteps, StepClosed } from '../human-step/human-steps.js';
import { refuse } from '../human-step/refusal.js';
import type { StepActivities } from '../human-step/step-activities.js';
import type { Actor, Assignee } from '../human-step/types.js';
import { beginProcess, endIfCancelled, endProcess } from '../process/process-lifecycle.js';
import { rankApplicants, placesKept } from './intake-ranking.js';
import { cultivationId } from './reserve-cultivation-definition.js';
import { reserveCultivationForms } from './reserve-cultivation-forms.js';
import { reserveCultivation } from './reserve-cultivation-workflow.js';
import {
  DEFAULT_INTAKE_SETTINGS,
  INTAKE_POOL_SETTINGS_PATCH,
  INTAKE_WINDOW_CLOSES_PATCH,
  WINDOW_CLOSED_UNCONFIRMED,
  RESERVE_INTAKE,
  intakeRules,
  fileIntakeObjectionUpdate,
  intakeProgressQuery,
  nominateUpdate,
  type IntakeCandidate,
  type IntakeInput,
  type IntakeProgress,
  type IntakeSettings,
  type IntakeVillage,
} from './reserve-intake-definition.js';
import { reserveIntakeSteps as S } from './reserve-intake-steps.js';

const acts = boundedActivities<ReserveActivities & Pick<StepActivities, 'resolveStepSchedule'>>({
  startToCloseTimeout: '1 minute',
});

const SOURCE_NAMES = { organisation: '组织推荐', mass: '群众推荐', self: '个人自荐' } as const;

export interface IntakeOutcome {
  entered: number[];
  removed: number;
  replacements: number;
  objections: number;
}

export async function reserveIntake(input: IntakeInput): Promise<IntakeOutcome> {
  // Intakes since this patch read the county's settings themselves (older ones got them as input).
  const readsPoolSettings = patched(INTAKE_POOL_SETTINGS_PATCH);
  const windowCloses = patched(INTAKE_WINDOW_CLOSES_PATCH);
  let settings: IntakeSettings = { ...DEFAULT_INTAKE_SETTINGS, ...input.settings };
  const { year, townshipId } = input;
  const workflowId = workflowInfo().workflowId;
  const title = `${year} 年后备干部推选`;
  const steps = new HumanSteps({
    type: RESERVE_INTAKE,
    title,
    forms: reserveCultivationForms,
    startedBy: input.startedBy,
  });
  const officer: Assignee = { kind: 'role', role: 'township_officer', townshipId };
  const today = () => chinaDayOf(Date.now());
  const openedAt = Date.now();
  let windowEndsAt = openedAt + settings.windowDays * 24 * 3600_000;
  const progress: IntakeProgress = {
    year,
    townshipId,
    phase: 'nominating',
    openedAt: new Date(openedAt).toISOString(),
    windowEndsAt: new Date(windowEndsAt).toISOString(),
    noticeEndsAt: null,
    round: 0,
    objections: 0,
    villages: [],
    candidates: [],
  };
  setHandler(intakeProgressQuery, () => progress);
  const byPerson = new Map<number, IntakeCandidate>();
  const villageOf = (id: number) => progress.villages.find((v) => v.villageId === id);
  let replacements = 0;
  let pendingAnswers = 0;
  /** The township's villages are read first; a nomination that comes sooner waits for them. */
  let villagesLoaded = false;
  let noticeOpen = false;

  async function setStatus(c: IntakeCandidate, to: ReserveStatus, reason: string, actor: Actor | null) {
    await acts.setReserveStatus({
      reserveId: c.reserveId,
      to,
      reason,
      on: today(),
      actorUserId: actor?.userId ?? null,
      workflowId,
      ...(to === 'exited' ? { exitReason: reason } : {}),
      ...(to === 'trial' ? { enteredOn: today() } : {}),
    });
    // The process timeline says who changed whose status, when and why (new intakes).
    if (readsPoolSettings)
      await steps.recordProcessEvent(
        'status_changed',
        actor,
        { reserveId: c.reserveId, personId: c.personId, name: c.name, villageId: c.villageId, to },
        reason,
      );
  }
  async function remove(c: IntakeCandidate, state: IntakeCandidate['state'], reason: string, actor: Actor | null) {
    c.state = state;
    c.reason = reason;
    await setStatus(c, 'exited', reason, actor);
  }

  setHandler(
    nominateUpdate,
    async ({ actor, person, source, note }) => {
      await condition(() => villagesLoaded);
      if (!villageOf(person.villageId))
        refuse('invalid_request', 'the person is not of this township', [{ field: 'personId', message: 'invalid' }]);
      const seq = progress.candidates.length + 1;
      // Held before the activity answers, so a second nomination of the same person is refused at once.
      const candidate: IntakeCandidate = {
        personId: person.personId,
        reserveId: 0,
        name: person.name,
        villageId: person.villageId,
        source,
        seq,
        state: 'nominated',
        composite: null,
        rank: null,
        shortlisted: false,
      };
      byPerson.set(person.personId, candidate);
      const created = await acts.createNomination({
        workflowId,
        year,
        townshipId,
        villageId: person.villageId,
        personId: person.personId,
        source,
        reason: note ? `${SOURCE_NAMES[source]}：${note}` : SOURCE_NAMES[source],
        on: today(),
        actorUserId: actor.userId,
      });
      if ('conflict' in created) {
        byPerson.delete(person.personId);
        refuse('task_closed', `the person is already in the pool or nominated (${created.conflict})`);
      }
      candidate.reserveId = created.reserveId;
      progress.candidates.push(candidate);
      const village = villageOf(person.villageId)!;
      village.nominated++;
      await steps.recordProcessEvent(
        'nominated',
        actor,
        { personId: person.personId, name: person.name, villageId: person.villageId, source },
        note,
      );
      return { reserveId: created.reserveId, nomination: seq };
    },
    {
      validator: ({ actor, person, source }) => {
        if (progress.phase !== 'nominating' || Date.now() >= windowEndsAt)
          refuse('task_closed', 'nominations are taken only while the window is open', [
            { field: 'year', message: '推荐窗口未开放或已关闭' },
          ]);
        if (villagesLoaded && !villageOf(person.villageId))
          refuse('invalid_request', 'the person is not of this township', [{ field: 'personId', message: 'invalid' }]);
        if (byPerson.has(person.personId))
          refuse('task_closed', 'the person is already nominated in this intake', [
            { field: 'personId', message: '已被推荐' },
          ]);
        const mayNominate =
          actor.role === 'county_admin' ||
          (actor.role === 'township_officer' && actor.townshipId === townshipId) ||
          (actor.role === 'village_secretary' && actor.villageId === person.villageId && source !== 'self') ||
          (source === 'self' && actor.personId === person.personId);
        if (!mayNominate) refuse('not_assignee', 'you may not nominate this person');
      },
    },
  );

  setHandler(
    fileIntakeObjectionUpdate,
    async ({ actor, personId, reason }) => {
      const n = ++progress.objections;
      pendingAnswers++;
      await steps.recordProcessEvent('objection_filed', actor, { personId, objection: n }, reason);
      void answerObjection(n, byPerson.get(personId)!, reason).finally(() => pendingAnswers--);
      return { objection: n };
    },
    {
      validator: ({ actor, personId, reason }) => {
        if (!noticeOpen) refuse('task_closed', 'objections are taken only during the public notice');
        if (actor.role !== 'county_admin' && actor.townshipId !== townshipId)
          refuse('not_assignee', 'objections come from within the township');
        if (byPerson.get(personId)?.state !== 'on_notice')
          refuse('invalid_request', 'that person is not on the notice', [{ field: 'personId', message: 'invalid' }]);
        if (!reason?.trim())
          refuse('invalid_request', 'a reason is required', [{ field: 'reason', message: 'required' }]);
      },
    },
  );

  const vacated = new Map<number, string[]>(); // village → names of those who left, for 递补
  async function answerObjection(n: number, c: IntakeCandidate, reason: string): Promise<void> {
    const answer = await steps.run(S.objectionAnswer, {
      townshipId,
      villageId: c.villageId,
      occurrence: n,
      name: `异议答复：${c.name}`,
      assignee: officer,
      deadline: { workingDays: settings.objectionAnswerWorkingDays },
      context: { year, candidate: c.name, objection: reason },
    });
    if (answer.decision !== 'approve' || c.state !== 'on_notice') return;
    await remove(c, 'objection_upheld', `公示异议成立：${answer.form.answer}`, answer.actor);
    vacated.set(c.villageId, [...(vacated.get(c.villageId) ?? []), c.name]);
  }

  async function run(): Promise<IntakeOutcome> {
    if (readsPoolSettings) {
      // The rules in force at the opening; what the opener chose stands above them.
      const county = await acts.reservePoolSettings();
      settings = { ...DEFAULT_INTAKE_SETTINGS, ...intakeRules(county.settings), ...input.settings };
      windowEndsAt = openedAt + settings.windowDays * 24 * 3600_000;
      progress.windowEndsAt = new Date(windowEndsAt).toISOString();
      progress.settingsVersion = county.version;
    }
    await beginProcess({
      type: RESERVE_INTAKE,
      title,
      townshipId,
      villageId: null,
      subjectPersonId: null,
      startedBy: input.startedBy,
      params: { year, settings, windowEndsAt: progress.windowEndsAt },
    });
    const villages = await acts.intakeVillages({ townshipId, targetPerVillage: settings.targetPerVillage });
    progress.villages = villages.map((v): IntakeVillage => ({ ...v, nominated: 0, confirmed: false }));
    villagesLoaded = true;

    // 1. Nominations, and each village's confirmation, then its branch's 资格初审 once the window closes.
    const candidatesOf = (villageId: number) => progress.candidates.filter((c) => c.villageId === villageId);
    async function village(v: IntakeVillage): Promise<void> {
      const secretary: Assignee = { kind: 'role', role: 'village_secretary', townshipId, villageId: v.villageId };
      const base = { townshipId, villageId: v.villageId, occurrence: v.villageId };
      /** The village's confirmation; undefined when the window's end closed it first. */
      async function confirmation(shortfall: boolean) {
        if (windowCloses && Date.now() >= windowEndsAt) return undefined;
        try {
          return await steps.run(S.nomination, {
            ...base,
            name: `村级推荐：${v.name}`,
            assignee: secretary,
            deadline: { at: progress.windowEndsAt },
            // The window's end closes the step, before its overdue notice and escalations.
            closes: windowCloses ? { at: progress.windowEndsAt, reason: WINDOW_CLOSED_UNCONFIRMED } : undefined,
            context: {
              year,
              village: v.name,
              minimum: settings.minNominationsPerVillage,
              shortfall,
              nominated: v.nominated,
            },
          });
        } catch (error) {
          if (error instanceof StepClosed) return undefined;
          throw error;
        }
      }
      for (let shortfall = false; ; shortfall = true) {
        const confirmed = await confirmation(shortfall);
        if (!confirmed) {
          // Not confirmed: what the village nominated by now stands; the timeline says why.
          v.shortfallReason = WINDOW_CLOSED_UNCONFIRMED;
          break;
        }
        const reason = confirmed.form.shortfallReason?.trim();
        if (v.nominated >= settings.minNominationsPerVillage || reason) {
          v.confirmed = true;
          if (v.nominated < settings.minNominationsPerVillage) {
            v.shortfallReason = reason;
            await steps.recordProcessEvent('shortfall_explained', confirmed.actor, { villageId: v.villageId }, reason);
          }
          break;
        }
      }
      if (windowEndsAt > Date.now()) await sleep(windowEndsAt - Date.now());
      const mine = candidatesOf(v.villageId);
      if (mine.length === 0) return;
      const review = await steps.run(S.villageReview, {
        ...base,
        name: `村党组织资格初审：${v.name}`,
        assignee: secretary,
        deadline: { workingDays: settings.reviewWorkingDays },
        context: { year, village: v.name, nominees: mine.map((c) => ({ personId: c.personId, name: c.name })) },
      });
      for (const r of review.form.rejected ?? []) {
        const c = mine.find((m) => m.personId === r.personId);
        if (c && c.state === 'nominated')
          await remove(c, 'rejected', `村党组织资格初审未通过：${r.reason}`, review.actor);
      }
    }
    await Promise.all(progress.villages.map(village));
    if (windowEndsAt > Date.now()) await sleep(windowEndsAt - Date.now());

    // 2. The township's 资格审查; those who pass are 考察中 (under review) from here on.
    progress.phase = 'reviewing';
    const nominated = () => progress.candidates.filter((c) => c.state === 'nominated');
    if (nominated().length > 0) {
      const review = await steps.run(S.townshipReview, {
        townshipId,
        assignee: officer,
        deadline: { workingDays: settings.reviewWorkingDays },
        context: {
          year,
          nominees: nominated().map((c) => ({ personId: c.personId, name: c.name, villageId: c.villageId })),
        },
      });
      for (const r of review.form.rejected ?? []) {
        const c = byPerson.get(r.personId);
        if (c && c.state === 'nominated') await remove(c, 'rejected', `乡镇资格审查未通过：${r.reason}`, review.actor);
      }
      for (const c of nominated()) {
        c.state = 'qualified';
        await setStatus(c, 'under_review', '通过资格审查，进入考察', review.actor);
      }
    }

    // 3. The exam, when there is one: scores per person, then each village's ranking and places.
    const scores = new Map<number, { written: number; interview: number }>();
    const qualified = () => progress.candidates.filter((c) => c.state === 'qualified');
    if (settings.exam && qualified().length > 0) {
      progress.phase = 'exam';
      const exam = await steps.run(S.exam, {
        townshipId,
        assignee: officer,
        deadline: { days: settings.examDays },
        context: {
          year,
          weights: settings.examWeights,
          candidates: qualified().map((c) => ({ personId: c.personId, name: c.name, villageId: c.villageId })),
        },
      });
      for (const s of exam.form.scores) scores.set(s.personId, { written: s.written, interview: s.interview });
    }
    const queues = new Map<number, IntakeCandidate[]>();
    for (const v of progress.villages) {
      const applicants = candidatesOf(v.villageId).filter((c) => c.state === 'qualified');
      const ranked = rankApplicants(
        applicants.map((c) => ({ personId: c.personId, name: c.name, seq: c.seq, ...scores.get(c.personId) })),
        { exam: settings.exam, weights: settings.examWeights, places: 0, ratio: settings.shortlistRatio },
      );
      // A village with fewer than `ratio` applicants per place loses the place (exam only).
      v.places = settings.exam
        ? placesKept(v.places, ranked.length, settings.shortlistRatio)
        : Math.min(v.places, ranked.length);
      const shortlist = v.places * settings.shortlistRatio;
      const queue: IntakeCandidate[] = [];
      ranked.forEach((r, i) => {
        const c = byPerson.get(r.personId)!;
        c.composite = r.composite;
        c.rank = r.rank;
        c.shortlisted = i < shortlist;
        queue.push(c);
      });
      queues.set(v.villageId, queue);
    }
    // Absent from the exam: not ranked, so not selected.
    for (const c of qualified()) if (c.rank === null) await remove(c, 'not_selected', '未参加考试', null);
    await steps.recordProcessEvent('ranked', null, {
      villages: progress.villages.map((v) => ({ villageId: v.villageId, places: v.places })),
      ranking: progress.candidates
        .filter((c) => c.rank !== null)
        .map((c) => ({ personId: c.personId, villageId: c.villageId, composite: c.composite, rank: c.rank })),
    });

    // 4. Rounds of 考察 → 县级联审 → 公示 → 入库, until every place is filled or no one is left.
    const HELD = new Set(['inspected', 'approved', 'on_notice', 'entered']);
    const held = (villageId: number) => candidatesOf(villageId).filter((c) => HELD.has(c.state)).length;
    const entered: IntakeCandidate[] = [];

    async function fill(v: IntakeVillage): Promise<void> {
      const queue = queues.get(v.villageId) ?? [];
      while (held(v.villageId) < v.places) {
        const next = queue.find((c) => c.state === 'qualified');
        if (!next) return;
        const left = vacated.get(v.villageId) ?? [];
        if (left.length > 0) {
          replacements++;
          const replaced = left.shift();
          await steps.recordProcessEvent(
            'replacement',
            null,
            { villageId: v.villageId, replaced, personId: next.personId, name: next.name, rank: next.rank },
            `递补：${replaced} 空出的名额由排名第 ${next.rank} 的 ${next.name} 递补`,
          );
        }
        const result = await steps.run(S.inspection, {
          townshipId,
          villageId: v.villageId,
          occurrence: next.personId,
          name: `考察：${next.name}`,
          assignee: officer,
          deadline: { workingDays: settings.inspectionWorkingDays },
          context: { year, village: v.name, candidate: next.name, rank: next.rank, composite: next.composite },
        });
        if (result.decision === 'approve') next.state = 'inspected';
        else {
          await remove(next, 'failed_inspection', `考察未通过：${result.comment ?? ''}`, result.actor);
          left.push(next.name);
          vacated.set(v.villageId, left);
        }
      }
    }

    for (;;) {
      progress.round++;
      progress.phase = 'inspecting';
      await Promise.all(progress.villages.map(fill));
      const passed = progress.candidates.filter((c) => c.state === 'inspected');
      if (passed.length === 0) break;

      progress.phase = 'county_review';
      const county = await steps.run(S.countyReview, {
        townshipId,
        occurrence: progress.round,
        name: progress.round === 1 ? '县级联审' : `县级联审（第 ${progress.round} 轮）`,
        assignee: { kind: 'role', role: 'county_admin' },
        deadline: { workingDays: settings.countyReviewWorkingDays },
        context: {
          year,
          candidates: passed.map((c) => ({
            personId: c.personId,
            name: c.name,
            village: villageOf(c.villageId)?.name,
            composite: c.composite,
            rank: c.rank,
          })),
        },
      });
      const returned = new Map((county.form.returned ?? []).map((r) => [r.personId, r.reason]));
      for (const c of passed) {
        const why = returned.get(c.personId);
        if (why !== undefined) {
          await remove(c, 'returned', `县级联审退回：${why}`, county.actor);
          vacated.set(c.villageId, [...(vacated.get(c.villageId) ?? []), c.name]);
        } else c.state = 'approved';
      }
      const approved = progress.candidates.filter((c) => c.state === 'approved');
      if (approved.length === 0) continue;

      // 公示: objections come in as an Update while it lasts, and each must be answered.
      for (const c of approved) {
        c.state = 'on_notice';
        await setStatus(c, 'on_notice', '县级联审通过，公示', county.actor);
      }
      // The notice lasts what the county says when it opens, unless the opener fixed it.
      const noticeWorkingDays =
        readsPoolSettings && input.settings?.noticeWorkingDays === undefined
          ? (await acts.reservePoolSettings()).settings.noticeWorkingDays
          : settings.noticeWorkingDays;
      const notice = await acts.resolveStepSchedule({
        openedAt: new Date().toISOString(),
        deadline: { workingDays: noticeWorkingDays },
      });
      progress.noticeEndsAt = notice.dueAt;
      await steps.recordProcessEvent('notice_opened', null, {
        round: progress.round,
        ...(readsPoolSettings ? { workingDays: noticeWorkingDays } : {}),
        endsAt: notice.dueAt,
        people: approved.map((c) => c.personId),
      });
      progress.phase = 'notice';
      noticeOpen = true;
      await sleep(Math.max(Date.parse(notice.dueAt) - Date.now(), 1));
      noticeOpen = false;
      progress.phase = 'answering';
      await condition(() => pendingAnswers === 0);

      // 入库: the trial starts; each reserve's cultivation runs from here, years long.
      for (const c of approved.filter((a) => a.state === 'on_notice')) {
        c.state = 'entered';
        await setStatus(c, 'trial', '公示期满无异议（或异议不成立），入库，进入试用期', null);
        entered.push(c);
        if (input.startCultivation !== false) {
          const id = cultivationId(input.idPrefix ?? '', c.reserveId);
          await startChild(reserveCultivation, {
            workflowId: id,
            parentClosePolicy: ParentClosePolicy.ABANDON,
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            args: [{ reserveId: c.reserveId, startedBy: input.startedBy }],
          });
          await acts.linkCultivation({ reserveId: c.reserveId, workflowId: id });
        }
      }
      await steps.recordProcessEvent('entered', null, {
        round: progress.round,
        people: entered.map((c) => c.personId),
      });
    }

    // Those never reached stay out of the pool, and say why.
    for (const c of progress.candidates.filter((x) => x.state === 'qualified'))
      await remove(c, 'not_selected', c.shortlisted ? '名额已满，未递补' : '未入围', null);

    // 备案: the list of new reserves goes to the county's file.
    progress.phase = 'done';
    await steps.recordProcessEvent('filed', null, {
      year,
      reserves: entered.map((c) => ({ personId: c.personId, reserveId: c.reserveId, name: c.name })),
    });
    const outcome: IntakeOutcome = {
      entered: entered.map((c) => c.personId),
      removed: progress.candidates.filter((c) => c.state !== 'entered').length,
      replacements,
      objections: progress.objections,
    };
    await endProcess('completed', { ...outcome });
    return outcome;
  }

  try {
    return await run();
  } catch (error) {
    return endIfCancelled(error, steps);
  }
}
