// A whole assessment year for one small township, in seconds on the time-skipping server:
// the double start, a cadre missing at the deadline, ranking, an upheld objection that
// re-ranks (both versions kept), the public notice published and the results confirmed by the
// township officer, and reminder talks that escalate.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hash } from '@node-rs/argon2';
import { CHINA_OFFSET_MS } from '../../domain/china-time.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import { validIdNumber } from '../../test/support/id-numbers.js';
import {
  cadreAssessmentId,
  cycleProgressQuery,
  fileObjectionUpdate,
  townshipCycleId,
} from './annual-assessment-definition.js';
import { assessmentCycle } from './assessment-cycle-workflow.js';
import { DEFAULT_RUBRIC } from './rubric.js';

let h: ProcessHarness;
let townshipId: number;
const people: { id: number; username: string }[] = [];
const YEAR = 2026;
const PREFIX = 'aa-';

/** A township of one village and five cadres (the first is the village's Party secretary). */
async function smallTownship() {
  const db = h.db;
  const passwordHash = await hash('demo');
  const t = await db
    .insertInto('townships')
    .values({ code: '430725999', name: '测试镇', kind: 'township' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const v = await db
    .insertInto('villages')
    .values({ code: '430725999201', township_id: t.id, name: '测试村', kind: 'village', area: 'rural' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < 5; i++) {
    const birth = `198${i}-0${i + 1}-15`;
    const p = await db
      .insertInto('people')
      .values({
        name: `考核${'甲乙丙丁戊'[i]}`,
        gender: 'male',
        birth_date: birth,
        id_number: validIdNumber(birth, `99${2 * i + 1}`),
        phone: `1390000000${i}`,
        education: 'college',
        party_member: true,
        township_id: t.id,
        village_id: v.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('positions')
      .values({
        person_id: p.id,
        committee: i === 0 ? 'party_branch' : 'villagers_committee',
        title: i === 0 ? 'secretary' : 'member',
        term_start: '2021-04-01',
        term_end: '2026-03-31',
      })
      .execute();
    const username = i === 0 ? 'aa-village' : `aa-cadre-${i}`;
    await db
      .insertInto('users')
      .values({
        username,
        password_hash: passwordHash,
        display_name: username,
        role: i === 0 ? 'village_secretary' : 'cadre',
        township_id: t.id,
        village_id: v.id,
        person_id: p.id,
      })
      .execute();
    people.push({ id: p.id, username });
  }
  for (const role of ['township_officer', 'township_secretary'] as const) {
    await db
      .insertInto('users')
      .values({
        username: `aa-${role}`,
        password_hash: passwordHash,
        display_name: role,
        role,
        township_id: t.id,
        village_id: null,
        person_id: null,
      })
      .execute();
  }
  return t.id;
}

beforeAll(async () => {
  h = await createProcessHarness();
  townshipId = await smallTownship();
}, 120_000);
afterAll(() => h?.close());

const DAY = 24 * 3600_000;
const child = (personId: number) => cadreAssessmentId(PREFIX, YEAR, personId);

async function assess(personId: number, username: string, reviewer: string, scores: Record<string, number>) {
  await h.act(child(personId), 'self-report', username, { action: 'submit', form: { summary: '全年工作总结' } });
  await h.act(child(personId), 'review', reviewer, { action: 'submit', form: { opinion: '工作认真' } });
  await h.act(child(personId), 'score', 'aa-township_officer', { action: 'submit', form: { scores } });
}

describe('annual assessment of a township', () => {
  it('runs the year: missing cadre listed, objection re-ranks, notice, reminder talks escalate', async () => {
    const input = {
      year: YEAR,
      rubric: DEFAULT_RUBRIC,
      startedBy: null,
      idPrefix: PREFIX,
      townshipIds: [townshipId],
      settings: { rankingDeadlineDays: 30 },
    };
    const first = await h.env.client.workflow.execute(assessmentCycle, {
      taskQueue: h.taskQueue,
      workflowId: 'aa-cycle-1',
      args: [input],
    });
    expect(first).toEqual({ started: [townshipId], alreadyRunning: [] });
    // A second start of the same year is a no-op, not a duplicate.
    const second = await h.env.client.workflow.execute(assessmentCycle, {
      taskQueue: h.taskQueue,
      workflowId: 'aa-cycle-2',
      args: [input],
    });
    expect(second).toEqual({ started: [], alreadyRunning: [townshipId] });

    const [secretary, a, b, c, absent] = people;
    // The secretary is reviewed by the township, the others by the secretary.
    await assess(secretary.id, secretary.username, 'aa-township_officer', { discipline: 90, delivery: 90 });
    await assess(a.id, a.username, 'aa-village', { discipline: 100, delivery: 70 }); // 82
    await assess(b.id, b.username, 'aa-village', { discipline: 70, delivery: 90 }); // 82, ahead of a on 工作推进落实
    await assess(c.id, c.username, 'aa-village', { discipline: 60, delivery: 60 });
    // Only the absent cadre's self-report is left: the deadline ranks without them.
    await h.env.sleep(31 * DAY);
    const township = h.env.client.workflow.getHandle(townshipCycleId(PREFIX, YEAR, townshipId));
    // Timers fire in skipped time; the activities they start still take real milliseconds.
    const v1 = await vi.waitFor(
      async () => {
        const rows = await h.db
          .selectFrom('assessment_results')
          .selectAll()
          .where('year', '=', YEAR)
          .where('township_id', '=', townshipId)
          .where('version', '=', 1)
          .orderBy('person_id')
          .execute();
        expect(rows).toHaveLength(5);
        return rows;
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(v1.find((r) => r.person_id === absent.id)).toMatchObject({ rank: null, missing_step: '述职自评' });
    expect(v1.filter((r) => r.rank !== null).map((r) => [r.person_id, r.rank])).toEqual([
      [secretary.id, 1],
      [a.id, 3],
      [b.id, 2],
      [c.id, 4],
    ]);

    // The ranking is the township's draft until the officer publishes it: no objection yet.
    await vi.waitFor(async () => expect((await township.query(cycleProgressQuery)).phase).toBe('ranked'), {
      timeout: 20_000,
      interval: 100,
    });
    await expect(
      township.executeUpdate(fileObjectionUpdate, {
        args: [{ actor: await h.actor(a.username), personId: c.id, reason: '未公示' }],
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/public notice/) } });
    await h.act(township.workflowId, 'publish-notice', 'aa-township_officer', {
      action: 'submit',
      form: { where: '镇政务公开栏' },
    });
    await vi.waitFor(async () => expect((await township.query(cycleProgressQuery)).phase).toBe('notice'), {
      timeout: 20_000,
      interval: 100,
    });
    // The workflow reports the notice only after storing it: the row is there without waiting.
    const notice = await h.db
      .selectFrom('assessment_notices')
      .selectAll()
      .where('year', '=', YEAR)
      .where('township_id', '=', townshipId)
      .executeTakeFirstOrThrow();
    const officer = await h.actor('aa-township_officer');
    expect(notice.published_by).toBe(officer.userId);
    // five working days after the day it opened, ending at 24:00 China time
    expect(notice.ends_at.getTime() - notice.opened_at.getTime()).toBeGreaterThan(5 * DAY);
    expect((notice.ends_at.getTime() + CHINA_OFFSET_MS) % DAY).toBe(0);
    // An objection against c's score, filed from within the township, is upheld and rescored.
    await township.executeUpdate(fileObjectionUpdate, {
      args: [{ actor: await h.actor(a.username), personId: c.id, reason: '评分未计入村集体经济工作' }],
    });
    await expect(
      township.executeUpdate(fileObjectionUpdate, {
        args: [{ actor: await h.actor('officer-01'), personId: c.id, reason: '外乡镇' }],
      }),
    ).rejects.toThrow();
    await h.act(township.workflowId, 'objection.o1', 'aa-township_officer', {
      action: 'approve',
      form: { answer: '经核实，予以采纳' },
    });
    await h.act(township.workflowId, 'rescore.o1', 'aa-township_officer', {
      action: 'submit',
      form: { scores: { discipline: 95, delivery: 95 } },
    });
    // past the end of the notice: five working days, longer over a holiday
    await h.env.sleep(notice.ends_at.getTime() - (await h.env.currentTimeMs()) + 3600_000);
    // Not final until the officer confirms the results.
    await vi.waitFor(async () => expect((await township.query(cycleProgressQuery)).phase).toBe('closing'), {
      timeout: 20_000,
      interval: 100,
    });
    expect(
      await h.db
        .selectFrom('assessment_results')
        .select('person_id')
        .where('township_id', '=', townshipId)
        .where('final', '=', true)
        .execute(),
    ).toEqual([]);
    await h.act(township.workflowId, 'confirm-results', 'aa-township_officer', {
      action: 'submit',
      form: { opinion: '公示期满，结果确定' },
    });

    const versions = await vi.waitFor(
      async () => {
        const rows = await h.db
          .selectFrom('assessment_results')
          .select(['version', 'person_id', 'rank', 'final'])
          .where('township_id', '=', townshipId)
          .orderBy('version')
          .orderBy('person_id')
          .execute();
        expect(rows.some((r) => r.final)).toBe(true);
        return rows;
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(new Set(versions.map((v) => v.version))).toEqual(new Set([1, 2]));
    expect(versions.find((v) => v.version === 2 && v.person_id === c.id)).toMatchObject({ rank: 1, final: true });
    expect(versions.filter((v) => v.version === 1).every((v) => !v.final)).toBe(true);

    // Bottom three (ranks 2–4 of four) get reminder talks; one recorded, the others escalate.
    await h.act(township.workflowId, `reminder-talk.p${a.id}`, 'aa-township_secretary', {
      action: 'submit',
      form: { date: '2027-01-10', content: '指出不足，提出改进要求' },
    });
    await h.env.sleep(30 * DAY);
    await vi.waitFor(
      async () => {
        const escalated = await h.db
          .selectFrom('task_events')
          .select('detail')
          .where('process_id', '=', township.workflowId)
          .where('action', '=', 'escalated')
          .execute();
        expect(escalated.map((e) => e.detail.step).sort()).toEqual(
          [`reminder-talk.p${b.id}`, `reminder-talk.p${secretary.id}`].sort(),
        );
      },
      { timeout: 20_000, interval: 100 },
    );
    const admin = await h.actor('admin');
    expect(
      await h.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', admin.userId)
        .where('kind', '=', 'task_escalated')
        .where('title', 'like', '%提醒谈话%')
        .execute(),
    ).toHaveLength(2);
    for (const p of [secretary, b])
      await h.act(township.workflowId, `reminder-talk.p${p.id}`, 'aa-township_secretary', {
        action: 'submit',
        form: { date: '2027-02-01', content: '补谈' },
      });
    expect(await township.result()).toEqual({ ranked: 4, missing: 1, versions: 2, objections: 1 });
    // A finished year is not assessed a second time either.
    const afterwards = await h.env.client.workflow.execute(assessmentCycle, {
      taskQueue: h.taskQueue,
      workflowId: 'aa-cycle-3',
      args: [input],
    });
    expect(afterwards).toEqual({ started: [], alreadyRunning: [townshipId] });
    for (const id of [township.workflowId, child(a.id), child(absent.id), 'aa-cycle-1']) await h.recordHistory(id);
  }, 180_000);
});
