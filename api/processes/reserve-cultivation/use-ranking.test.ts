// 使用推荐 through the API: a village's reserves in the order of domain/reserve-use-ranking.ts,
// on the demo county's records and on a village whose records are written here, each row with
// its reasons; outside the caller's scope the village answers 404, as everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareForUse } from '../../../domain/reserve-use-ranking.js';
import { validIdNumber } from '../../../test/support/id-numbers.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
const as: Record<string, Session> = {};
let townshipId: number;
let demoVillageId: number;
let villageId: number;
const reserves: Record<string, number> = {};

interface Row {
  rank: number;
  reserveId: number;
  name: string;
  status: string;
  reviews: { year: number; result: 'pass' | 'fail' }[];
  failYears: number;
  passYears: number;
  trainings: number;
  placements: number;
  trialCompleted: boolean;
  trialCompletedOn: string | null;
  enteredOn: string | null;
  aheadOfNextBy: string | null;
  canUse: boolean;
}

const ranking = (user: string, village: number) =>
  t.request(`/api/processes/reserve-cultivation/villages/${village}/use-ranking`, { as: as[user] });

/** A reserve of the new village with its trial's end and its records. */
async function reserve(
  key: string,
  seq: string,
  status: 'trial' | 'in_pool' | 'exited',
  enteredOn: string,
  records: { kind: 'review' | 'training' | 'placement'; detail: string; on: string }[],
) {
  const birth = '1995-05-05';
  const person = await t.db
    .insertInto('people')
    .values({
      name: `排序${key}`,
      gender: 'male',
      birth_date: birth,
      id_number: validIdNumber(birth, seq),
      phone: '13900000000',
      education: 'college',
      party_member: true,
      township_id: townshipId,
      village_id: villageId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await t.db
    .insertInto('reserves')
    .values({
      person_id: person.id,
      township_id: townshipId,
      village_id: villageId,
      status,
      source: 'organisation',
      entered_on: enteredOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  reserves[key] = row.id;
  await t.db
    .insertInto('reserve_status_changes')
    .values([
      { reserve_id: row.id, from_status: 'on_notice', to_status: 'trial', reason: '入库试用', changed_on: enteredOn },
      ...(status === 'trial'
        ? []
        : [
            {
              reserve_id: row.id,
              from_status: 'trial' as const,
              to_status: 'in_pool' as const,
              reason: '试用期满',
              changed_on: `${Number(enteredOn.slice(0, 4))}-12-01`,
            },
          ]),
    ])
    .execute();
  if (records.length)
    await t.db
      .insertInto('reserve_records')
      .values(records.map((r) => ({ reserve_id: row.id, kind: r.kind, detail: r.detail, started_on: r.on })))
      .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'auditor', 'officer-01', 'officer-02', 'secretary-01', 'village-001', 'cadre-0001'])
    as[u] = await t.login(u);
  const secretary = await t.db
    .selectFrom('users')
    .select(['village_id', 'township_id'])
    .where('username', '=', 'village-001')
    .executeTakeFirstOrThrow();
  townshipId = secretary.township_id!;
  demoVillageId = secretary.village_id!;
  villageId = (
    await t.db
      .insertInto('villages')
      .values({ code: '430725999001', township_id: townshipId, name: '排序测试村', kind: 'village', area: 'rural' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const review = (year: number, detail: 'pass' | 'fail') => ({ kind: 'review' as const, detail, on: `${year}-12-20` });
  const training = (on: string) => ({ kind: 'training' as const, detail: '集中轮训', on });
  const placement = (on: string) => ({ kind: 'placement' as const, detail: 'shadowing', on });
  // Two 合格 years: first, though with the least training.
  await reserve('A', '701', 'in_pool', '2022-03-01', [
    review(2023, 'pass'),
    review(2024, 'pass'),
    training('2023-05-01'),
  ]);
  // A 不合格 year: last, though with the most training.
  await reserve('B', '703', 'in_pool', '2021-03-01', [
    review(2023, 'fail'),
    review(2024, 'pass'),
    review(2025, 'pass'),
    training('2022-05-01'),
    training('2023-05-01'),
    training('2024-05-01'),
  ]);
  // One 合格 year, two trainings and a placement; C finished the trial later than E.
  await reserve('C', '705', 'in_pool', '2023-03-01', [
    review(2024, 'pass'),
    training('2023-05-01'),
    training('2024-05-01'),
    placement('2024-06-01'),
  ]);
  await reserve('E', '707', 'in_pool', '2022-06-01', [
    review(2024, 'pass'),
    training('2023-05-01'),
    training('2024-05-01'),
    placement('2024-06-01'),
  ]);
  // On trial, no review yet: after those with a 合格 year, ahead of the one with a 不合格 year.
  await reserve('D', '709', 'trial', '2025-09-01', [training('2025-10-01')]);
  // Left the pool: not listed.
  await reserve('F', '711', 'exited', '2020-03-01', [review(2021, 'pass'), review(2022, 'pass')]);
}, 120_000);
afterAll(() => t.close());

describe('使用推荐: a village’s reserves ranked for use', () => {
  it('orders by review years, then training and placements, then the trial, each row with its reasons', async () => {
    const res = await ranking('officer-01', villageId);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ villageId, villageName: '排序测试村', townshipId });
    const rows = body.rows as Row[];
    expect(rows.map((r) => r.name)).toEqual(['排序A', '排序E', '排序C', '排序D', '排序B']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.aheadOfNextBy)).toEqual(['passYears', 'trialCompletedOn', 'passYears', 'failYears', null]);
    expect(rows[0]).toMatchObject({
      reserveId: reserves.A,
      status: 'in_pool',
      reviews: [
        { year: 2023, result: 'pass' },
        { year: 2024, result: 'pass' },
      ],
      passYears: 2,
      failYears: 0,
      trainings: 1,
      placements: 0,
      trialCompleted: true,
      trialCompletedOn: '2022-12-01',
      // no cultivation workflow: a record written straight into the pool, used on the record alone
      canUse: true,
    });
    expect(rows[2]).toMatchObject({ trainings: 2, placements: 1, trialCompletedOn: '2023-12-01' });
    expect(rows[3]).toMatchObject({ status: 'trial', trialCompleted: false, trialCompletedOn: null, trainings: 1 });
    expect(rows[4]).toMatchObject({ failYears: 1, passYears: 2, trainings: 3 });
  });

  it('the demo county’s village is ranked by the same rule, its counts read from the records', async () => {
    const res = await ranking('village-001', demoVillageId);
    expect(res.status).toBe(200);
    const rows = (await res.json()).rows as Row[];
    const held = await t.db
      .selectFrom('reserves')
      .select('id')
      .where('village_id', '=', demoVillageId)
      .where('status', 'in', ['trial', 'in_pool'])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.reserveId).sort()).toEqual(held.map((r) => r.id).sort());
    for (const [i, row] of rows.entries()) {
      const records = await t.db
        .selectFrom('reserve_records')
        .select(['kind', 'detail'])
        .where('reserve_id', '=', row.reserveId)
        .execute();
      expect(row.trainings).toBe(records.filter((x) => x.kind === 'training').length);
      expect(row.placements).toBe(records.filter((x) => x.kind === 'placement').length);
      expect(row.failYears).toBe(records.filter((x) => x.kind === 'review' && x.detail === 'fail').length);
      expect(row.passYears).toBe(records.filter((x) => x.kind === 'review' && x.detail === 'pass').length);
      if (i + 1 < rows.length) expect(compareForUse(row, rows[i + 1])).toBeLessThan(0);
    }
  });

  it('county and auditor see every village, the township its own; outside scope is 404', async () => {
    for (const user of ['admin', 'auditor', 'officer-01', 'secretary-01'])
      expect((await ranking(user, villageId)).status, user).toBe(200);
    for (const user of ['officer-02', 'village-001', 'cadre-0001'])
      expect((await ranking(user, villageId)).status, user).toBe(404);
    expect((await ranking('admin', 2147483000)).status).toBe(404);
    expect((await ranking('admin', 0)).status).toBe(400);
  });

  it('a reserve on record from before qinglan is used and exited on its record, with who, when and why', async () => {
    const post = (path: string, body: unknown) =>
      t.request(`/api/processes/reserve-cultivation/reserves/${path}`, {
        method: 'POST',
        as: as['officer-01'],
        body: JSON.stringify(body),
      });
    for (const date of ['0000-00-00', '2026-02-30', '1066-10-14']) {
      const bad = await post(`${reserves.A}/use`, { post: '村委会委员', date });
      expect(bad.status, date).toBe(400);
      expect((await bad.json()).fields.map((f: { field: string }) => f.field)).toEqual(['date']);
    }
    const used = await post(`${reserves.A}/use`, { post: '村委会委员', date: '2026-11-20', note: '补选' });
    expect(used.status).toBe(200);
    const exited = await post(`${reserves.C}/exit`, { kind: 'moved_away', reason: '举家迁往县城' });
    expect(exited.status).toBe(200);
    const rows = await t.db
      .selectFrom('reserves')
      .select(['id', 'status', 'used_post', 'ended_on', 'exit_reason'])
      .where('id', 'in', [reserves.A, reserves.C])
      .orderBy('id')
      .execute();
    expect(rows.find((r) => r.id === reserves.A)).toMatchObject({ status: 'used', used_post: '村委会委员' });
    expect(String(rows.find((r) => r.id === reserves.A)!.ended_on)).toContain('2026-11-20');
    expect(rows.find((r) => r.id === reserves.C)).toMatchObject({
      status: 'exited',
      exit_reason: '迁出：举家迁往县城',
    });
    const changes = await t.db
      .selectFrom('reserve_status_changes')
      .select(['reserve_id', 'to_status', 'reason', 'actor_user_id'])
      .where('reserve_id', 'in', [reserves.A, reserves.C])
      .where('to_status', 'in', ['used', 'exited'])
      .execute();
    expect(changes).toHaveLength(2);
    for (const change of changes) expect(change.actor_user_id).toBe(as['officer-01'].userId);
    // Ended records leave the ranking and cannot be used twice.
    const again = await post(`${reserves.A}/use`, { post: '村委会委员', date: '2026-11-21' });
    expect(again.status).toBe(409);
    const left = (await (await ranking('officer-01', villageId)).json()).rows as Row[];
    expect(left.map((r) => r.reserveId)).not.toContain(reserves.A);
    expect(left.map((r) => r.reserveId)).not.toContain(reserves.C);
  });
});
