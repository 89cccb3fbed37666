// A township's reserve intake from nomination to 入库 in seconds on the time-skipping server:
// nominations (a duplicate refused), a village short of the minimum that must say why, 资格初审
// at both levels, the exam and its places, a failed 考察 replaced by the next in rank (递补),
// 县级联审, an upheld objection during 公示 that removes the person and moves the next one up,
// and every status change of every nominee recorded; the county's settings read at the opening
// and the notice's length read again when it opens. A village that never confirms its
// nominations is closed at the window's end, and the intake goes on without it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { timelineOf } from '../../api/processes/process-queries.js';
import { writeReservePoolSettings } from '../../domain/reserve-pool-settings-store.js';
import { DEFAULT_RESERVE_POOL_SETTINGS, type ReservePoolSettings } from '../../domain/reserve-pool-settings.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import {
  WINDOW_CLOSED_UNCONFIRMED,
  fileIntakeObjectionUpdate,
  intakeId,
  intakeProgressQuery,
  nominateUpdate,
  type IntakePhase,
} from './reserve-intake-definition.js';
import { reserveIntake } from './reserve-intake-workflow.js';
import { createReserveTestTownship, type ReserveTestTownship } from './reserve-test-county.js';

let h: ProcessHarness;
let t: ReserveTestTownship;
const YEAR = 2026;
const DAY = 24 * 3600_000;
const wait = { timeout: 20_000, interval: 100 };

beforeAll(async () => {
  h = await createProcessHarness();
  t = await createReserveTestTownship(h.db, '430725991', 'ri', 1);
}, 120_000);
afterAll(() => h?.close());

/** Stores a new version of the county's settings: the defaults with these changes. */
async function county(changes: Partial<ReservePoolSettings>, reason: string) {
  return writeReservePoolSettings(h.db, {
    settings: { ...DEFAULT_RESERVE_POOL_SETTINGS, ...changes },
    changedBy: (await h.actor('admin')).userId,
    reason,
  });
}

describe('reserve intake of a township', () => {
  it('runs from nomination to 入库 with a 递补 and an upheld objection', async () => {
    const id = intakeId('rc-', YEAR, t.townshipId);
    const officer = `ri-township_officer`;
    const handle = await h.env.client.workflow.start(reserveIntake, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [{ year: YEAR, townshipId: t.townshipId, startedBy: null, startCultivation: false }],
    });
    const phase = async (want: IntakePhase) =>
      vi.waitFor(async () => expect((await handle.query(intakeProgressQuery)).phase).toBe(want), wait);
    const [a1, a2, a3, a4, a5, b1] = t.people;
    const [villageA, villageB] = t.villages;
    const nominate = async (p: (typeof t.people)[number], by: string, source: 'organisation' | 'mass' | 'self') =>
      handle.executeUpdate(nominateUpdate, {
        args: [{ actor: await h.actor(by), person: { personId: p.id, name: p.name, villageId: p.villageId }, source }],
      });

    for (const p of [a1, a2, a3]) await nominate(p, villageA.secretary, 'organisation');
    await nominate(a4, villageA.secretary, 'mass');
    await nominate(a5, a5.username, 'self');
    // Another village's secretary, and the same person twice, are refused.
    await expect(nominate(b1, villageA.secretary, 'mass')).rejects.toMatchObject({
      cause: { type: 'not_assignee' },
    });
    await nominate(b1, villageB.secretary, 'organisation');
    await expect(nominate(a1, villageA.secretary, 'mass')).rejects.toMatchObject({
      cause: { type: 'task_closed' },
    });

    await h.act(id, `nomination.v${villageA.id}`, villageA.secretary, { action: 'submit', form: {} });
    // One nomination is short of two: the village must say why.
    await h.act(id, `nomination.v${villageB.id}`, villageB.secretary, { action: 'submit', form: {} });
    await vi.waitFor(async () => {
      const open = await h.db
        .selectFrom('tasks')
        .select('round')
        .where('process_id', '=', id)
        .where('step_key', '=', `nomination.v${villageB.id}`)
        .where('status', '=', 'open')
        .executeTakeFirst();
      expect(open?.round).toBe(2);
    }, wait);
    await h.act(id, `nomination.v${villageB.id}`, villageB.secretary, {
      action: 'submit',
      form: { shortfallReason: '本村青年外出务工多，符合条件的仅一人' },
    });

    // The window closes: nominations refused from now on; the branches review.
    await h.env.sleep(10 * DAY + 3600_000);
    await expect(nominate(a1, 'admin', 'organisation')).rejects.toMatchObject({ cause: { type: 'task_closed' } });
    await h.act(id, `review.v${villageA.id}`, villageA.secretary, {
      action: 'submit',
      form: { rejected: [{ personId: a5.id, reason: '群众基础较弱' }] },
    });
    await h.act(id, `review.v${villageB.id}`, villageB.secretary, { action: 'submit', form: {} });
    await h.act(id, 'review.township', officer, { action: 'submit', form: { rejected: [] } });

    // Exam: village A keeps two places for four applicants; village B's one applicant loses its place.
    await h.act(id, 'exam', officer, {
      action: 'submit',
      form: {
        scores: [
          { personId: a1.id, written: 90, interview: 80 },
          { personId: a2.id, written: 85, interview: 85 },
          { personId: a3.id, written: 80, interview: 80 },
          { personId: a4.id, written: 70, interview: 70 },
          { personId: b1.id, written: 95, interview: 95 },
        ],
      },
    });
    await phase('inspecting');
    const progress = await handle.query(intakeProgressQuery);
    expect(progress.villages.map((v) => v.places)).toEqual([2, 0]);
    expect(progress.candidates.find((c) => c.personId === a1.id)).toMatchObject({ composite: 86, rank: 1 });

    // 考察: a1 passes, a2 fails and a3 (next in rank) replaces them.
    await h.act(id, `inspection.p${a1.id}`, officer, { action: 'approve', form: { findings: '表现突出' } });
    await h.act(id, `inspection.p${a2.id}`, officer, {
      action: 'reject',
      form: { findings: '群众评价一般' },
      comment: '考察中群众反映工作作风问题',
    });
    await h.act(id, `inspection.p${a3.id}`, officer, { action: 'approve', form: { findings: '表现良好' } });
    // The county shortens the notice before it opens: this notice already runs by it.
    await county({ noticeWorkingDays: 3 }, '公示期调整为 3 个工作日');
    await h.act(id, 'county-review.r1', 'admin', { action: 'approve', form: { returned: [] } });

    // 公示: an objection against a1 is upheld; a4 moves up.
    await phase('notice');
    const opened = await h.db
      .selectFrom('task_events')
      .select('detail')
      .where('process_id', '=', id)
      .where('action', '=', 'notice_opened')
      .executeTakeFirstOrThrow();
    expect(opened.detail).toMatchObject({ round: 1, workingDays: 3 });
    await county({}, '恢复默认');
    await handle.executeUpdate(fileIntakeObjectionUpdate, {
      args: [{ actor: await h.actor(villageA.secretary), personId: a1.id, reason: '反映其存在违规建房问题' }],
    });
    await h.act(id, 'objection.o1', officer, { action: 'approve', form: { answer: '经核实，情况属实，取消资格' } });
    await h.env.sleep(9 * DAY);
    await h.act(id, `inspection.p${a4.id}`, officer, { action: 'approve', form: { findings: '符合条件' } });
    await h.act(id, 'county-review.r2', 'admin', { action: 'approve', form: {} });
    await phase('notice');
    await h.env.sleep(9 * DAY);
    expect(await handle.result()).toEqual({
      entered: [a3.id, a4.id],
      removed: 4,
      replacements: 2,
      objections: 1,
    });

    const changes = await h.db
      .selectFrom('reserve_status_changes as c')
      .innerJoin('reserves as r', 'r.id', 'c.reserve_id')
      .select(['r.person_id', 'c.from_status', 'c.to_status', 'c.reason', 'c.actor_user_id'])
      .where('r.intake_workflow_id', '=', id)
      .orderBy('c.id')
      .execute();
    const path = (personId: number) => changes.filter((c) => c.person_id === personId).map((c) => c.to_status);
    expect(path(a3.id)).toEqual(['nominated', 'under_review', 'on_notice', 'trial']);
    expect(path(a4.id)).toEqual(['nominated', 'under_review', 'on_notice', 'trial']);
    expect(path(a1.id)).toEqual(['nominated', 'under_review', 'on_notice', 'exited']);
    expect(path(a2.id)).toEqual(['nominated', 'under_review', 'exited']);
    expect(path(a5.id)).toEqual(['nominated', 'exited']);
    expect(path(b1.id)).toEqual(['nominated', 'under_review', 'exited']);
    expect(changes.find((c) => c.person_id === a1.id && c.to_status === 'exited')?.reason).toMatch(/公示异议成立/);
    const officerId = (await h.actor(officer)).userId;
    expect(changes.find((c) => c.person_id === a2.id && c.to_status === 'exited')).toMatchObject({
      actor_user_id: officerId,
      reason: expect.stringMatching(/考察未通过/),
    });
    const reserves = await h.db
      .selectFrom('reserves')
      .select(['person_id', 'status', 'entered_on', 'source'])
      .where('intake_workflow_id', '=', id)
      .where('status', '=', 'trial')
      .orderBy('person_id')
      .execute();
    expect(reserves.map((r) => [r.person_id, r.source])).toEqual([
      [a3.id, 'organisation'],
      [a4.id, 'mass'],
    ]);
    expect(reserves.every((r) => r.entered_on !== null)).toBe(true);
    const events = await h.db
      .selectFrom('task_events')
      .select(['action', 'detail'])
      .where('process_id', '=', id)
      .where('action', 'in', ['replacement', 'filed'])
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.action, e.detail.personId ?? null])).toEqual([
      ['replacement', a3.id],
      ['replacement', a4.id],
      ['filed', null],
    ]);
    // The process timeline: every status change with who, when and why; each 递补 says whom it replaced.
    const timeline = await timelineOf(h.db, id);
    expect(timeline.every((e) => e.at instanceof Date || typeof e.at === 'string')).toBe(true);
    const statusEvents = timeline.filter((e) => e.action === 'status_changed');
    expect(statusEvents).toHaveLength(changes.filter((c) => c.to_status !== 'nominated').length);
    expect(statusEvents.every((e) => e.comment && e.comment.length > 0)).toBe(true);
    expect(statusEvents.find((e) => e.detail.personId === a2.id && e.detail.to === 'exited')).toMatchObject({
      actorUserId: officerId,
      comment: expect.stringMatching(/考察未通过/),
    });
    expect(statusEvents.find((e) => e.detail.personId === a1.id && e.detail.to === 'exited')).toMatchObject({
      actorUserId: officerId,
      comment: expect.stringMatching(/公示异议成立/),
    });
    expect(timeline.filter((e) => e.action === 'replacement').map((e) => e.comment)).toEqual([
      expect.stringMatching(new RegExp(`${a2.name}.*${a3.name} 递补`)),
      expect.stringMatching(new RegExp(`${a1.name}.*${a4.name} 递补`)),
    ]);
    await h.recordHistory(id, 'pool-settings');
  }, 180_000);

  // Before the test that terminates its intake: an activity of a terminated run can hold the
  // time-skipping server's clock, and this test skips ten days.
  it("closes a village's nominations at the window's end when it never confirms", async () => {
    const k = await createReserveTestTownship(h.db, '430725992', 'rk', 2);
    const id = intakeId('rc-', YEAR, k.townshipId);
    const officer = 'rk-township_officer';
    const handle = await h.env.client.workflow.start(reserveIntake, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [
        { year: YEAR, townshipId: k.townshipId, startedBy: null, startCultivation: false, settings: { exam: false } },
      ],
    });
    const [a1, a2, , , , b1] = k.people;
    const [villageA, villageB] = k.villages;
    for (const [p, by] of [
      [a1, villageA.secretary],
      [a2, villageA.secretary],
      [b1, villageB.secretary],
    ] as const)
      await handle.executeUpdate(nominateUpdate, {
        args: [
          {
            actor: await h.actor(by),
            person: { personId: p.id, name: p.name, villageId: p.villageId },
            source: 'organisation',
          },
        ],
      });
    await h.act(id, `nomination.v${villageA.id}`, villageA.secretary, { action: 'submit', form: {} });
    // Village B never confirms: the window's end closes its step, and its nomination stands.
    const unanswered = await h.openTask(id, `nomination.v${villageB.id}`);
    await h.env.sleep(10 * DAY + 3600_000);
    await h.act(id, `review.v${villageA.id}`, villageA.secretary, { action: 'submit', form: {} });
    await h.act(id, `review.v${villageB.id}`, villageB.secretary, { action: 'submit', form: {} });
    await vi.waitFor(async () => expect((await handle.query(intakeProgressQuery)).phase).toBe('reviewing'), wait);
    const progress = await handle.query(intakeProgressQuery);
    expect(progress.villages).toEqual([
      expect.objectContaining({ villageId: villageA.id, nominated: 2, confirmed: true }),
      expect.objectContaining({
        villageId: villageB.id,
        nominated: 1,
        confirmed: false,
        shortfallReason: WINDOW_CLOSED_UNCONFIRMED,
      }),
    ]);
    expect(progress.candidates.find((c) => c.personId === b1.id)?.state).toBe('nominated');
    const task = await h.db
      .selectFrom('tasks')
      .select(['status', 'decided_by'])
      .where('id', '=', unanswered.id)
      .executeTakeFirstOrThrow();
    expect(task).toEqual({ status: 'cancelled', decided_by: null });
    // The timeline: closed by the engine (no actor) at the window's end, and why.
    const timeline = await timelineOf(h.db, id);
    const closed = timeline.filter((e) => e.action === 'closed');
    expect(closed).toEqual([
      expect.objectContaining({
        stepKey: `nomination.v${villageB.id}`,
        actorUserId: null,
        comment: WINDOW_CLOSED_UNCONFIRMED,
        detail: expect.objectContaining({ reason: WINDOW_CLOSED_UNCONFIRMED }),
      }),
    ]);
    const closedAt = new Date(closed[0].at).getTime() - Date.parse(progress.windowEndsAt);
    expect(closedAt).toBeGreaterThanOrEqual(0);
    expect(closedAt).toBeLessThan(3600_000);
    // Closed first: no overdue notice for a window that has simply ended.
    expect(timeline.filter((e) => e.action === 'overdue' || e.action === 'escalated')).toEqual([]);

    // 乡镇资格审查 takes the unconfirmed village's nominee like any other; refusing all ends the intake.
    const rejected = [a1, a2, b1].map((p) => ({ personId: p.id, reason: '不符合条件' }));
    await h.act(id, 'review.township', officer, { action: 'submit', form: { rejected } });
    expect(await handle.result()).toEqual({ entered: [], removed: 3, replacements: 0, objections: 0 });
    await h.recordHistory(id, 'window-closes');
  }, 120_000);

  it("opens with the county's window and minimum in force, under the opener's choices", async () => {
    const version = await county({ intakeWindowDays: 5, minNominationsPerVillage: 1 }, '缩短推选窗口');
    try {
      const id = intakeId('rc-', YEAR + 1, t.townshipId);
      const handle = await h.env.client.workflow.start(reserveIntake, {
        taskQueue: h.taskQueue,
        workflowId: id,
        args: [
          {
            year: YEAR + 1,
            townshipId: t.townshipId,
            startedBy: null,
            startCultivation: false,
            settings: { exam: false },
          },
        ],
      });
      await vi.waitFor(async () => {
        const p = await handle.query(intakeProgressQuery);
        expect(p.settingsVersion).toBe(version);
        expect(Date.parse(p.windowEndsAt) - Date.parse(p.openedAt)).toBe(5 * DAY);
      }, wait);
      const task = await h.openTask(id, `nomination.v${t.villages[0].id}`);
      const row = await h.db.selectFrom('tasks').select('context').where('id', '=', task.id).executeTakeFirstOrThrow();
      expect(row.context).toMatchObject({ minimum: 1 });
      const process = await h.db
        .selectFrom('processes')
        .select('params')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(process.params).toMatchObject({ settings: { windowDays: 5, minNominationsPerVillage: 1, exam: false } });
      await handle.terminate('test over');
    } finally {
      await county({}, '恢复默认');
    }
  }, 60_000);
});
