// A reserve's years in the pool, in seconds on the time-skipping server: the trial, a mentor
// named, talks every 6 and 12 months, the year's training, a township review each year (one
// 不合格, kept by the township), each year a new run (continue-as-new), and use (使用) at an
// election; and a missed mentor talk that escalates until the county is told.
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
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

const talk = { action: 'submit' as const, form: { date: '2027-05-20', content: '交流思想，明确下一步锻炼方向' } };

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
    await vi.waitFor(async () => expect((await handle.query(cultivationStateQuery)).year).toBe(2), wait);
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
    await vi.waitFor(async () => expect((await handle.query(cultivationStateQuery)).year).toBe(3), wait);
    const secondRun = (await handle.describe()).runId;
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
    await record(id, firstRun, 'first-year');
    await record(id, secondRun, 'second-year');
    await h.recordHistory(id);
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
});
