// A reserve's years in the pool, in seconds on the time-skipping server: the trial, a mentor
// named, talks every 6 and 12 months, the year's training, a township review each year (one
// 不合格, kept by the township), each year a new run (continue-as-new), and use (使用) at an
// election; a missed mentor talk that escalates until the county is told; a use sent the
// moment the cultivation starts; and the county's settings read afresh each year.
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { timelineOf } from '../../api/processes/process-queries.js';
import { writeReservePoolSettings } from '../../domain/reserve-pool-settings-store.js';
import { DEFAULT_RESERVE_POOL_SETTINGS, type ReservePoolSettings } from '../../domain/reserve-pool-settings.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import { addMonths } from '../mentor-pairing/months.js';
import {
  cultivationId,
  cultivationStateQuery,
  exitReserveUpdate,
  useReserveUpdate,
} from './reserve-cultivation-definition.js';
import { reserveCultivation } from './reserve-cultivation-workflow.js';
import { createReserveTestTownship, type ReserveTestTownship } from './reserve-test-county.js';

let h: ProcessHarness;
let t: ReserveTestTownship;
const DAY = 24 * 3600_000;
const wait = { timeout: 60_000, interval: 200 };
const officer = 'rc-township_officer';
const secretary = 'rc-township_secretary';

beforeAll(async () => {
  h = await createProcessHarness();
  t = await createReserveTestTownship(h.db, '430725992', 'rc', 2);
}, 120_000);
afterAll(() => h?.close());

/** A reserve who has just entered the pool (试用期), as the intake leaves them. */
async function enteredReserve(personIndex: number): Promise<number> {
  const p = t.people[personIndex];
  const row = await h.db
    .insertInto('reserves')
    .values({
      person_id: p.id,
      township_id: t.townshipId,
      village_id: p.villageId,
      status: 'trial',
      source: 'organisation',
      intake_year: 2026,
      entered_on: '2026-12-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function status(reserveId: number) {
  return (await h.db.selectFrom('reserves').select('status').where('id', '=', reserveId).executeTakeFirstOrThrow())
    .status;
}

/** Skips to `days` after the start of the run. */
async function skipTo(start: number, days: number) {
  const now = await h.env.currentTimeMs();
  if (start + days * DAY > now) await h.env.sleep(start + days * DAY - now);
}

/**
 * Waits for the run after `runId` (the year's continue-as-new). Read from the server, not by
 * querying: a query served while the closing run's last task is in flight sends it back.
 */
async function nextRun(handle: { describe(): Promise<{ runId: string }> }, runId: string): Promise<string> {
  return vi.waitFor(async () => {
    const current = (await handle.describe()).runId;
    expect(current).not.toBe(runId);
    return current;
  }, wait);
}

const talk = { action: 'submit' as const, form: { date: '2027-05-20', content: '交流思想，明确下一步锻炼方向' } };

/** Stores a run as `<id>@<label>.json`, beside (never over) the fixtures of older shapes. */
async function record(id: string, runId: string | undefined, label: string) {
  if (process.env.QINGLAN_RECORD_HISTORIES !== '1') return;
  const history = await h.env.client.workflow.getHandle(id, runId).fetchHistory();
  fs.writeFileSync(path.resolve('test/fixtures/histories', `${id}@${label}.json`), historyToJSON(history));
}

describe('reserve cultivation', () => {
  it('runs three years: talks, a 不合格 year kept, and use at an election', async () => {
    const reserveId = await enteredReserve(0);
    const id = cultivationId('rc-', reserveId);
    const start = await h.env.currentTimeMs();
    const handle = await h.env.client.workflow.start(reserveCultivation, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [{ reserveId, startedBy: null }],
    });
    const firstRun = handle.firstExecutionRunId;
    await h.act(id, 'mentor.assign', officer, { action: 'submit', form: { mentorPersonId: t.mentor.id } });

    // Year 1: a mentor talk at 6 months, the trial ends; at 12 months both talks, training, review.
    await skipTo(start, 160);
    await h.act(id, 'talk.mentor.t1', t.mentor.username, talk);
    await skipTo(start, 190);
    await vi.waitFor(async () => expect(await status(reserveId)).toBe('in_pool'), wait);
    await skipTo(start, 340);
    await h.act(id, 'talk.mentor.t2', t.mentor.username, talk);
    await h.act(id, 'talk.secretary.t1', secretary, talk);
    await h.act(id, 'training.y1', officer, {
      action: 'submit',
      form: {
        trainings: [{ name: '全县后备干部示范培训班', date: '2027-09-10' }],
        placements: [{ kind: 'shadowing', startedOn: '2027-06-01', endedOn: '2027-08-31' }],
      },
    });
    await skipTo(start, 370);
    await h.act(id, 'review.y1', officer, { action: 'submit', form: { result: 'pass', comment: '表现良好' } });

    // Year 2 runs as a new run with the state carried over; its review is 不合格, and the township keeps them.
    const secondRun = await nextRun(handle, firstRun);
    expect((await handle.query(cultivationStateQuery)).year).toBe(2);
    await skipTo(start, 530);
    await h.act(id, 'talk.mentor.t3', t.mentor.username, talk);
    await skipTo(start, 710);
    await h.act(id, 'talk.mentor.t4', t.mentor.username, talk);
    await h.act(id, 'talk.secretary.t2', secretary, talk);
    await h.act(id, 'training.y2', officer, { action: 'submit', form: {} });
    await skipTo(start, 735);
    await h.act(id, 'review.y2', officer, { action: 'submit', form: { result: 'fail', comment: '未参加培训' } });
    await h.act(id, 'keep-or-exit.y2', secretary, {
      action: 'submit',
      form: { decision: 'keep', reason: '本人表示整改，保留观察一年' },
    });

    // Year 3: elected to the villagers' committee at the election.
    await nextRun(handle, secondRun);
    expect((await handle.query(cultivationStateQuery)).year).toBe(3);
    await skipTo(start, 900);
    await h.act(id, 'talk.mentor.t5', t.mentor.username, talk);
    const used = await handle.executeUpdate(useReserveUpdate, {
      args: [{ actor: await h.actor(officer), post: '村委会委员', date: '2029-06-01', note: '换届选举当选' }],
    });
    expect(used.mentor?.personId).toBe(t.mentor.id);
    const outcome = await handle.result();
    expect(outcome).toMatchObject({ status: 'used', post: '村委会委员', years: 3, missedTalks: 0 });
    expect(outcome.reviews.map((r) => [r.year, r.result])).toEqual([
      [1, 'pass'],
      [2, 'fail'],
    ]);

    const reserve = await h.db.selectFrom('reserves').selectAll().where('id', '=', reserveId).executeTakeFirstOrThrow();
    expect(reserve).toMatchObject({ status: 'used', used_post: '村委会委员', ended_on: '2029-06-01' });
    expect(reserve.mentor_person_id).toBe(t.mentor.id);
    const changes = await h.db
      .selectFrom('reserve_status_changes')
      .select(['to_status'])
      .where('reserve_id', '=', reserveId)
      .orderBy('id')
      .execute();
    expect(changes.map((c) => c.to_status)).toEqual(['in_pool', 'used']);
    const records = await h.db
      .selectFrom('reserve_records')
      .select(['kind'])
      .where('reserve_id', '=', reserveId)
      .execute();
    const count = (kind: string) => records.filter((r) => r.kind === kind).length;
    expect([
      count('mentor_talk'),
      count('secretary_talk'),
      count('training'),
      count('placement'),
      count('review'),
    ]).toEqual([5, 2, 1, 1, 2]);
    // One process row for all the runs, ended with the outcome.
    const process = await h.db.selectFrom('processes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(process).toMatchObject({ status: 'completed', type: 'reserve-cultivation' });
    expect(process.outcome).toMatchObject({ status: 'used', post: '村委会委员' });
    // Every step in the timeline with who, when and why, across the three runs.
    const timeline = await timelineOf(h.db, id);
    const byAction = (action: string) => timeline.filter((e) => e.action === action);
    expect(byAction('trial_completed')).toEqual([
      expect.objectContaining({ actorUserId: null, comment: '试用期满（6 个月），转为在库' }),
    ]);
    expect(byAction('mentor_named')).toEqual([
      expect.objectContaining({ actorUserId: (await h.actor(officer)).userId }),
    ]);
    expect(byAction('kept')).toEqual([
      expect.objectContaining({
        actorUserId: (await h.actor(secretary)).userId,
        comment: '本人表示整改，保留观察一年',
      }),
    ]);
    expect(byAction('used')).toEqual([
      expect.objectContaining({ actorUserId: (await h.actor(officer)).userId, comment: '换届选举当选' }),
    ]);
    const submitted = timeline.filter((e) => e.stepKey && e.action === 'submit');
    expect(submitted.map((e) => e.stepKey)).toEqual(
      expect.arrayContaining(['review.y2', 'keep-or-exit.y2', 'talk.mentor.t5']),
    );
    expect(submitted.every((e) => e.actorUserId !== null && e.at)).toBe(true);
    await record(id, firstRun, 'pool-settings-first-year');
    await record(id, secondRun, 'pool-settings-second-year');
    await record(id, undefined, 'pool-settings-used');
  }, 240_000);

  it('a missed mentor talk escalates to the township, then the county', async () => {
    const reserveId = await enteredReserve(1);
    const id = cultivationId('rc-', reserveId);
    const start = await h.env.currentTimeMs();
    const handle = await h.env.client.workflow.start(reserveCultivation, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [{ reserveId, startedBy: null }],
    });
    await h.act(id, 'mentor.assign', officer, { action: 'submit', form: { mentorPersonId: t.mentor.id } });
    await skipTo(start, 160);
    await h.openTask(id, 'talk.mentor.t1');
    // Due at 6 months; the township is told a week later, the county two weeks later.
    await skipTo(start, 200);
    await vi.waitFor(async () => {
      const escalated = await h.db
        .selectFrom('task_events')
        .select('detail')
        .where('process_id', '=', id)
        .where('action', '=', 'escalated')
        .execute();
      expect(escalated.map((e) => [e.detail.step, e.detail.level])).toEqual([
        ['talk.mentor.t1', 1],
        ['talk.mentor.t1', 2],
      ]);
    }, wait);
    const admin = await h.actor('admin');
    const told = await h.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', admin.userId)
      .where('kind', '=', 'task_escalated')
      .where('title', 'like', '%导师谈话%')
      .execute();
    expect(told.length).toBeGreaterThan(0);
    await handle.executeUpdate(exitReserveUpdate, {
      args: [{ actor: await h.actor(officer), kind: 'moved_away', reason: '全家迁往外省' }],
    });
    expect(await handle.result()).toMatchObject({ status: 'exited', reason: '迁出：全家迁往外省', missedTalks: 1 });
    expect(await status(reserveId)).toBe('exited');
  }, 120_000);

  it('takes a use sent while a talk step is opening', async () => {
    const reserveId = await enteredReserve(5);
    const id = cultivationId('rc-', reserveId);
    const handle = await h.env.client.workflow.start(reserveCultivation, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [{ reserveId, startedBy: null }],
    });
    await h.act(id, 'mentor.assign', officer, { action: 'submit', form: { mentorPersonId: t.mentor.id } });
    const { enteredAt } = await vi.waitFor(() => handle.query(cultivationStateQuery), wait);
    // The first mentor talk opens 30 days before its day at 6 months: the use comes right then.
    const opens = addMonths(new Date(enteredAt), 6).getTime() - 30 * DAY;
    await h.env.sleep(opens - (await h.env.currentTimeMs()) + 1);
    const used = await handle.executeUpdate(useReserveUpdate, {
      args: [{ actor: await h.actor(officer), post: '村委会委员', date: '2027-05-01' }],
    });
    expect(used).toMatchObject({ reserveId });
    expect(await handle.result()).toMatchObject({ status: 'used', post: '村委会委员', missedTalks: 0 });
    const open = await h.db
      .selectFrom('tasks')
      .select('step_key')
      .where('process_id', '=', id)
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
    await record(id, undefined, 'use-while-opening');
  }, 60_000);

  it('takes a use sent the moment the cultivation starts, right after 入库', async () => {
    const reserveId = await enteredReserve(2);
    const id = cultivationId('rc-', reserveId);
    const handle = await h.env.client.workflow.start(reserveCultivation, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [{ reserveId, startedBy: null }],
    });
    // No waiting for the workflow to read its reserve: the Update goes with or right after its first task.
    const used = await handle.executeUpdate(useReserveUpdate, {
      args: [{ actor: await h.actor(officer), post: '村党支部委员', date: '2027-01-05', note: '补选当选' }],
    });
    expect(used).toMatchObject({ reserveId, personId: t.people[2].id, mentor: null });
    expect(await handle.result()).toMatchObject({ status: 'used', post: '村党支部委员', years: 1, reviews: [] });
    expect(await status(reserveId)).toBe('used');
    const process = await h.db.selectFrom('processes').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(process.status).toBe('completed');
    // Another township's officer is refused even when the Update came before the reserve was read.
    const other = await enteredReserve(4);
    const mine = await h.actor(officer);
    const stranger = { ...mine, townshipId: t.townshipId + 1000 };
    const otherHandle = await h.env.client.workflow.start(reserveCultivation, {
      taskQueue: h.taskQueue,
      workflowId: cultivationId('rc-', other),
      args: [{ reserveId: other, startedBy: null }],
    });
    // Both sent before the workflow has read its reserve: the stranger is refused once it has.
    const exitAs = (actor: typeof mine) =>
      otherHandle.executeUpdate(exitReserveUpdate, { args: [{ actor, kind: 'withdrew', reason: '本人申请' }] });
    const [refused, exited] = await Promise.allSettled([exitAs(stranger), exitAs(mine)]);
    expect(refused).toMatchObject({ status: 'rejected', reason: { cause: { type: 'not_assignee' } } });
    expect(exited.status).toBe('fulfilled');
    expect(await otherHandle.result()).toMatchObject({ status: 'exited', reason: '本人退出：本人申请' });
  }, 60_000);

  it('opens a mentor talk late, with a late talk’s grace, when the mentor is named after its day', async () => {
    const reserveId = await enteredReserve(5); // used and gone in the test above
    const id = cultivationId('rc-', reserveId);
    const start = await h.env.currentTimeMs();
    const handle = await h.env.client.workflow.start(reserveCultivation, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [{ reserveId, startedBy: null }],
    });
    // No mentor for seven months: the first talk's day (month 6) passes while it waits for one.
    await vi.waitFor(() => handle.query(cultivationStateQuery), wait);
    await skipTo(start, 215);
    await h.act(id, 'mentor.assign', officer, { action: 'submit', form: { mentorPersonId: t.mentor.id } });
    const opened = await vi.waitFor(async () => {
      const row = await h.db
        .selectFrom('tasks')
        .select(['status', 'due_at'])
        .where('process_id', '=', id)
        .where('step_key', '=', 'talk.mentor.t1')
        .executeTakeFirst();
      expect(row?.status).toBe('open');
      return row!;
    }, wait);
    // Due 30 days (the county's grace for late talks) after it opened, not on its past day.
    expect(new Date(opened.due_at).getTime()).toBeGreaterThan((await h.env.currentTimeMs()) + 29 * DAY);
    await h.act(id, 'talk.mentor.t1', t.mentor.username, talk);
    await vi.waitFor(async () => {
      const talks = await h.db
        .selectFrom('reserve_records')
        .select('kind')
        .where('reserve_id', '=', reserveId)
        .where('kind', '=', 'mentor_talk')
        .execute();
      expect(talks).toHaveLength(1);
    }, wait);
    await handle.executeUpdate(exitReserveUpdate, {
      args: [{ actor: await h.actor(officer), kind: 'withdrew', reason: '本人申请' }],
    });
    expect(await handle.result()).toMatchObject({ status: 'exited' });
    await record(id, undefined, 'late-mentor-talk');
  }, 60_000);

  it("runs each year by the county's settings in force when the year starts", async () => {
    const admin = await h.actor('admin');
    const county = (changes: Partial<ReservePoolSettings>, reason: string) =>
      writeReservePoolSettings(h.db, {
        settings: { ...DEFAULT_RESERVE_POOL_SETTINGS, ...changes },
        changedBy: admin.userId,
        reason,
      });
    const first = await county(
      { trialMonths: 3, mentorTalkMonths: 4, secretaryTalkMonths: 6, yearlyTrainingRequired: false },
      '试行：缩短试用期，加密谈话',
    );
    try {
      const reserveId = await enteredReserve(3);
      const id = cultivationId('rc-', reserveId);
      const start = await h.env.currentTimeMs();
      const handle = await h.env.client.workflow.start(reserveCultivation, {
        taskQueue: h.taskQueue,
        workflowId: id,
        args: [{ reserveId, startedBy: null }],
      });
      await h.act(id, 'mentor.assign', officer, { action: 'submit', form: { mentorPersonId: t.mentor.id } });
      const year1 = await handle.query(cultivationStateQuery);
      expect(year1.rules).toEqual({
        version: first,
        trialMonths: 3,
        mentorTalkMonths: 4,
        secretaryTalkMonths: 6,
        yearlyTrainingRequired: false,
      });
      const entered = new Date(year1.enteredAt);
      const dueAt = async (stepKey: string) => (await h.openTask(id, stepKey)).due_at.getTime();

      // Year 1: a 3-month trial, a mentor talk every 4 months, the secretary's every 6.
      await skipTo(start, 100);
      await vi.waitFor(async () => expect(await status(reserveId)).toBe('in_pool'), wait);
      expect(await dueAt('talk.mentor.t1')).toBe(addMonths(entered, 4).getTime());
      await h.act(id, 'talk.mentor.t1', t.mentor.username, talk);
      // The county goes back to talks once a year: from the next year on.
      await county({ mentorTalkMonths: 12, secretaryTalkMonths: 12 }, '恢复为每年谈话一次');
      await skipTo(start, 160);
      expect(await dueAt('talk.secretary.t1')).toBe(addMonths(entered, 6).getTime());
      await h.act(id, 'talk.secretary.t1', secretary, talk);
      await skipTo(start, 220);
      expect(await dueAt('talk.mentor.t2')).toBe(addMonths(entered, 8).getTime());
      await h.act(id, 'talk.mentor.t2', t.mentor.username, talk);
      await skipTo(start, 340);
      await h.act(id, 'talk.mentor.t3', t.mentor.username, talk);
      await h.act(id, 'talk.secretary.t2', secretary, talk);
      const training = await h.db
        .selectFrom('tasks')
        .select('context')
        .where('process_id', '=', id)
        .where('step_key', '=', 'training.y1')
        .executeTakeFirstOrThrow();
      expect(training.context).toMatchObject({ required: false });
      await h.act(id, 'training.y1', officer, { action: 'submit', form: {} });
      await skipTo(start, 370);
      await h.act(id, 'review.y1', officer, { action: 'submit', form: { result: 'pass', comment: '按期完成' } });

      // Year 2 reads the new version: one mentor talk, due at 24 months, none at 16 or 20.
      await nextRun(handle, handle.firstExecutionRunId);
      expect((await handle.query(cultivationStateQuery)).year).toBe(2);
      await vi.waitFor(
        async () =>
          expect((await handle.query(cultivationStateQuery)).rules).toMatchObject({
            version: first + 1,
            trialMonths: 6,
            mentorTalkMonths: 12,
            secretaryTalkMonths: 12,
            yearlyTrainingRequired: true,
          }),
        { timeout: 30_000, interval: 500 },
      );
      await skipTo(start, 705);
      expect(await dueAt('talk.mentor.t4')).toBe(addMonths(entered, 24).getTime());
      const talks = await h.db
        .selectFrom('tasks')
        .select('step_key')
        .where('process_id', '=', id)
        .where('step_key', 'like', 'talk.%')
        .execute();
      expect(talks.map((r) => r.step_key).sort()).toEqual([
        'talk.mentor.t1',
        'talk.mentor.t2',
        'talk.mentor.t3',
        'talk.mentor.t4',
        'talk.secretary.t1',
        'talk.secretary.t2',
        'talk.secretary.t3',
      ]);
      await handle.executeUpdate(exitReserveUpdate, {
        args: [{ actor: await h.actor(officer), kind: 'moved_away', reason: '外出务工' }],
      });
      expect(await handle.result()).toMatchObject({ status: 'exited', years: 2, missedTalks: 0 });
    } finally {
      await county({}, '恢复默认');
    }
  }, 120_000);
});
