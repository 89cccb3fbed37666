// Every process type, on the dev server: one run of each withdrawn through the API ends
// 已撤销 in its row, in the list and on its timeline (with the reason and who gave it); one
// run of each terminated behind qinglan's back (straight through the Temporal client) is
// repaired by the reconciler, which counts exactly those rows.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RECRUITMENT_RULES } from '../../domain/recruitment-rules.js';
import { createTestApp, type Session, type TestApp } from '../../test/support/test-app.js';
import { DEFAULT_ASSESSMENT_SETTINGS } from '../../workflows/annual-assessment/annual-assessment-definition.js';
import { DEFAULT_RUBRIC } from '../../workflows/annual-assessment/rubric.js';
import {
  createReserveTestTownship,
  type ReserveTestTownship,
} from '../../workflows/reserve-cultivation/reserve-test-county.js';
import { DEFAULT_CAMPAIGN_TIMINGS } from '../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import { reconcileProcessStatuses } from './status-reconciler.js';

let t: TestApp;
let admin: Session;
let k: ReserveTestTownship;
let officerId: number;
const wait = { timeout: 60_000, interval: 250 };

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  admin = await t.login('admin');
  k = await createReserveTestTownship(t.db, '430725971', 'st', 7);
  // One person with a seat: the township's assessment has one cadre to start.
  await t.db
    .insertInto('positions')
    .values({
      person_id: k.people[0].id,
      committee: 'villagers_committee',
      title: 'member',
      term_start: '2021-01-01',
      term_end: '2026-12-31',
    })
    .execute();
  officerId = (
    await t.db.selectFrom('users').select('id').where('username', '=', 'st-township_officer').executeTakeFirstOrThrow()
  ).id;
}, 120_000);
afterAll(() => t?.close());

const userOf = async (username: string) =>
  (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

/** How each type is started, as its launcher would; `n` keeps two runs of one type apart. */
const STARTS: Record<string, (id: string, n: number) => Promise<void>> = {
  'mentor-pairing': async (id, n) => {
    const mentee = k.people[n];
    await start('mentorPairing', id, {
      townshipId: k.townshipId,
      villageId: mentee.villageId,
      mentee: { personId: mentee.id, userId: await userOf(mentee.username), name: mentee.name },
      mentor: { personId: k.mentor.id, userId: await userOf(k.mentor.username), name: '导师st' },
      proposedBy: officerId,
    });
  },
  'township-assessment': (id, n) =>
    start('townshipAssessment', id, {
      year: 2030 + n,
      townshipId: k.townshipId,
      rubric: DEFAULT_RUBRIC,
      startedBy: null,
      idPrefix: `${id}-`,
    }),
  'cadre-assessment': async (id, n) => {
    const cadre = k.people[2 + n];
    await start('cadreAssessment', id, {
      year: 2026,
      townshipId: k.townshipId,
      villageId: cadre.villageId,
      person: { personId: cadre.id, userId: await userOf(cadre.username), name: cadre.name },
      isSecretary: false,
      rubric: DEFAULT_RUBRIC,
      settings: DEFAULT_ASSESSMENT_SETTINGS,
      startedBy: null,
    });
  },
  'reserve-intake': (id, n) =>
    start('reserveIntake', id, { year: 2030 + n, townshipId: k.townshipId, startedBy: null, startCultivation: false }),
  'reserve-cultivation': async (id, n) => {
    const p = k.people[3 + n];
    const reserve = await t.db
      .insertInto('reserves')
      .values({
        person_id: p.id,
        township_id: k.townshipId,
        village_id: p.villageId,
        status: 'trial',
        source: 'organisation',
        intake_year: 2026,
        entered_on: '2026-12-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await start('reserveCultivation', id, { reserveId: reserve.id, startedBy: null });
  },
  'recruitment-campaign': (id, n) =>
    start('recruitmentCampaign', id, {
      campaignId: 900 + n,
      year: 2026,
      title: `状态测试定向考录${n}`,
      rules: DEFAULT_RECRUITMENT_RULES,
      rulesVersion: 1,
      positions: [],
      startedBy: null,
      idPrefix: `${id}-`,
    }),
  'recruitment-applicant': (id, n) => {
    const p = k.people[n];
    return start('recruitmentApplicant', id, {
      applicationId: 900 + n,
      campaignWorkflowId: `${id}-campaign`,
      campaignTitle: '状态测试定向考录',
      person: { personId: p.id, name: p.name, townshipId: k.townshipId, villageId: p.villageId },
      positionName: '乡镇事业站所',
      startedBy: null,
      timings: DEFAULT_CAMPAIGN_TIMINGS,
    });
  },
};

async function start(workflowType: string, workflowId: string, input: unknown) {
  await t.temporal.client.workflow.start(workflowType, {
    taskQueue: t.temporal.taskQueue,
    workflowId,
    args: [input],
  });
}

const rowOf = (id: string) =>
  t.db.selectFrom('processes').select(['status', 'type']).where('id', '=', id).executeTakeFirst();
const openTasks = async (id: string) =>
  (await t.db.selectFrom('tasks').select('id').where('process_id', '=', id).where('status', '=', 'open').execute())
    .length;

/** The process list as the console asks for it. */
async function listed(ids: string[]): Promise<Record<string, string>> {
  const res = await t.request(`/api/processes?filter=${encodeURIComponent(JSON.stringify({ id: ids }))}`, {
    as: admin,
  });
  expect(res.status).toBe(200);
  return Object.fromEntries(((await res.json()) as { id: string; status: string }[]).map((p) => [p.id, p.status]));
}

async function timeline(id: string) {
  const res = await t.request(`/api/processes/${id}`, { as: admin });
  expect(res.status).toBe(200);
  return ((await res.json()) as { timeline: { action: string; comment: string | null; actorName: string | null }[] })
    .timeline;
}

describe('every process type ends in our tables as it ended in Temporal', () => {
  const types = Object.keys(STARTS);
  const cancelled = new Map<string, string>();
  const terminated = new Map<string, string>();

  it('all types start and register as running', async () => {
    for (const [i, type] of types.entries()) {
      cancelled.set(type, `${t.temporal.idPrefix}st-${i}-cancel`);
      terminated.set(type, `${t.temporal.idPrefix}st-${i}-terminate`);
      await STARTS[type](cancelled.get(type)!, 0);
      await STARTS[type](terminated.get(type)!, 1);
    }
    const ids = [...cancelled.values(), ...terminated.values()];
    await vi.waitFor(async () => {
      for (const id of ids) expect((await rowOf(id))?.status, id).toBe('running');
    }, wait);
    expect(Object.values(await listed(ids))).toEqual(ids.map(() => 'running'));
  }, 120_000);

  it('a withdrawal through the API ends each type 已撤销, with the reason and the actor on its timeline', async () => {
    for (const [type, id] of cancelled) {
      const res = await t.request(`/api/processes/${id}/cancel`, {
        method: 'POST',
        as: admin,
        body: JSON.stringify({ reason: `撤销${type}` }),
      });
      expect(res.status, type).toBe(200);
    }
    await vi.waitFor(async () => {
      for (const id of cancelled.values()) expect((await rowOf(id))?.status, id).toBe('cancelled');
    }, wait);
    const ids = [...cancelled.values()];
    expect(await listed(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'cancelled'])));
    for (const [type, id] of cancelled) {
      expect(await openTasks(id), type).toBe(0);
      expect(await timeline(id)).toContainEqual(
        expect.objectContaining({ action: 'cancel_requested', comment: `撤销${type}`, actorName: '县委组织部管理员' }),
      );
      const { status } = await t.temporal.client.workflow.getHandle(id).describe();
      expect(status.name, type).toBe('CANCELLED');
    }
  }, 120_000);

  it('a termination through the Temporal client is repaired by the reconciler, which counts every row it fixed', async () => {
    for (const id of terminated.values()) await t.temporal.client.workflow.getHandle(id).terminate('运维手工终止');
    let repaired = 0;
    await vi.waitFor(
      async () => {
        repaired += (await reconcileProcessStatuses({ db: t.db, client: t.temporal.client })).repaired;
        for (const id of terminated.values()) expect((await rowOf(id))?.status, id).toBe('terminated');
      },
      { timeout: 60_000, interval: 1000 },
    );
    expect(repaired).toBe(types.length);
    expect((await reconcileProcessStatuses({ db: t.db, client: t.temporal.client })).repaired).toBe(0);
    const ids = [...terminated.values()];
    expect(await listed(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'terminated'])));
    for (const [type, id] of terminated) {
      expect(await openTasks(id), type).toBe(0);
      expect(await timeline(id)).toContainEqual(
        expect.objectContaining({ action: 'terminated', comment: '运维手工终止' }),
      );
    }
  }, 120_000);

  it('a termination from the console of each type is written at once, with who and why', async () => {
    const again = new Map<string, string>();
    for (const [i, type] of types.entries()) {
      const id = `${t.temporal.idPrefix}st-${i}-console`;
      again.set(type, id);
      await STARTS[type](id, 2);
    }
    await vi.waitFor(async () => {
      for (const id of again.values()) expect((await rowOf(id))?.status, id).toBe('running');
    }, wait);
    for (const [type, id] of again) {
      const res = await t.request(`/api/processes/${id}/terminate`, {
        method: 'POST',
        as: admin,
        body: JSON.stringify({ reason: `终止${type}` }),
      });
      expect(res.status, type).toBe(200);
      expect((await rowOf(id))?.status, type).toBe('terminated');
      expect(await timeline(id)).toContainEqual(
        expect.objectContaining({ action: 'terminated', comment: `终止${type}`, actorName: '县委组织部管理员' }),
      );
    }
  }, 120_000);

  it("the county's start of the assessment is a process: completed once its townships run, the county's alone", async () => {
    const res = await t.request('/api/processes/annual-assessment/start', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ year: 2040, townshipIds: [k.townshipId] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ started: [k.townshipId] });
    const cycle = await t.db
      .selectFrom('processes')
      .select(['id', 'status', 'township_id', 'title', 'outcome'])
      .where('type', '=', 'annual-assessment')
      .where(sql<boolean>`params->>'level' = 'county'`)
      .executeTakeFirstOrThrow();
    expect(cycle).toMatchObject({
      status: 'completed',
      township_id: null,
      title: '2040年度考核（全县启动）',
      outcome: { started: [k.townshipId], alreadyRunning: [] },
    });
    expect(await listed([cycle.id])).toEqual({ [cycle.id]: 'completed' });
    const officer = await t.login('st-township_officer');
    expect((await t.request(`/api/processes/${cycle.id}`, { as: officer })).status).toBe(404);
    // The township's year it started is the township officer's to see.
    const township = `${t.temporal.idPrefix}annual-assessment-2040-t${k.townshipId}`;
    await vi.waitFor(async () => expect((await rowOf(township))?.status).toBe('running'), wait);
    expect((await t.request(`/api/processes/${township}`, { as: officer })).status).toBe(200);
    await t.temporal.client.workflow.getHandle(township).terminate('测试结束');
  }, 120_000);
});
