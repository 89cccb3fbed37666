// The process list's filters, each alone and inside the caller's scope: four processes written
// as the workflows write them (a pairing waiting on its mentor's overdue exchange, a finished
// cadre assessment, a township's year waiting on an objection, the county's start of the year).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
const as: Record<string, Session> = {};
const ids = { pairing: 'filter-pairing', cadre: 'filter-cadre', township: 'filter-township', county: 'filter-county' };
let t1: number;
let t2: number;
let villageA: number;
let villageB: number;
let otherVillage: number;
let personA: number;
let personB: number;
const users: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'officer-01', 'officer-02', 'mentor-001', 'auditor']) {
    as[u] = await t.login(u);
    users[u] = as[u].userId;
  }
  const township = async (username: string) =>
    (await t.db.selectFrom('users').select('township_id').where('username', '=', username).executeTakeFirstOrThrow())
      .township_id!;
  t1 = await township('officer-01');
  t2 = await township('officer-02');
  const villagesOf = async (tw: number) =>
    (await t.db.selectFrom('villages').select('id').where('township_id', '=', tw).orderBy('id').limit(2).execute()).map(
      (v) => v.id,
    );
  [villageA, villageB] = await villagesOf(t1);
  [otherVillage] = await villagesOf(t2);
  const people = await t.db.selectFrom('people').select(['id', 'village_id']).orderBy('id').execute();
  personA = people.find((p) => p.village_id === villageA)!.id;
  personB = people.find((p) => p.village_id === villageB)!.id;

  const process = (
    id: string,
    type: string,
    values: { township: number | null; village: number | null; subject: number | null; by: number; at: string },
    status: 'running' | 'completed',
    level: string,
  ) => ({
    id,
    type,
    title: `筛选测试 ${id}`,
    township_id: values.township,
    village_id: values.village,
    subject_person_id: values.subject,
    status,
    current_step: null,
    started_by: values.by,
    started_at: new Date(values.at),
    ended_at: status === 'completed' ? new Date(values.at) : null,
    params: JSON.stringify({ level }),
    outcome: null,
  });
  await t.db
    .insertInto('processes')
    .values([
      process(
        ids.pairing,
        'mentor-pairing',
        { township: t1, village: villageA, subject: personA, by: users['officer-01'], at: '2026-03-01T10:00:00+08:00' },
        'running',
        'person',
      ),
      // 00:30 on 5 March in China is still 4 March in UTC: the day filters read China days.
      process(
        ids.cadre,
        'annual-assessment',
        { township: t1, village: villageB, subject: personB, by: users.admin, at: '2026-03-05T00:30:00+08:00' },
        'completed',
        'person',
      ),
      process(
        ids.township,
        'annual-assessment',
        { township: t2, village: null, subject: null, by: users.admin, at: '2026-04-10T09:00:00+08:00' },
        'running',
        'township',
      ),
      process(
        ids.county,
        'annual-assessment',
        { township: null, village: null, subject: null, by: users.admin, at: '2026-04-10T08:00:00+08:00' },
        'completed',
        'county',
      ),
    ])
    .execute();
  const task = (
    processId: string,
    type: string,
    stepKey: string,
    values: {
      user?: number;
      role?: 'township_officer';
      township: number;
      village: number | null;
      due: string;
      status: 'open' | 'done';
    },
  ) => ({
    task_key: `${processId}:${stepKey}`,
    process_id: processId,
    process_type: type,
    step_key: stepKey,
    step_name: stepKey,
    form: 'none',
    actions: JSON.stringify(['submit']),
    assignee_user_id: values.user ?? null,
    assignee_role: values.role ?? null,
    assignee_township_id: values.role ? values.township : null,
    assignee_village_id: null,
    township_id: values.township,
    village_id: values.village,
    status: values.status,
    due_at: new Date(values.due),
    context: '{}',
  });
  await t.db
    .insertInto('tasks')
    .values([
      task(ids.pairing, 'mentor-pairing', 'exchange.m3', {
        user: users['mentor-001'],
        township: t1,
        village: villageA,
        due: '2026-01-01T00:00:00Z',
        status: 'open',
      }),
      task(ids.cadre, 'annual-assessment', 'self-report', {
        user: users.admin,
        township: t1,
        village: villageB,
        due: '2026-01-01T00:00:00Z',
        status: 'done',
      }),
      task(ids.township, 'annual-assessment', 'objection.o2', {
        role: 'township_officer',
        township: t2,
        village: null,
        due: '2999-01-01T00:00:00Z',
        status: 'open',
      }),
    ])
    .execute();
}, 120_000);
afterAll(() => t?.close());

/** The ids of the test's processes a filter finds for `user` (the title keeps other rows out). */
async function found(user: string, filter: Record<string, unknown>): Promise<string[]> {
  const query = encodeURIComponent(JSON.stringify({ q: '筛选测试', ...filter }));
  const res = await t.request(`/api/processes?filter=${query}&range=[0,99]`, { as: as[user] });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { id: string }[]).map((p) => p.id).sort();
}

async function refused(filter: Record<string, unknown>): Promise<string[]> {
  const res = await t.request(`/api/processes?filter=${encodeURIComponent(JSON.stringify(filter))}`, {
    as: as.admin,
  });
  expect(res.status).toBe(400);
  const body = (await res.json()) as { fields: { field: string; message: string }[] };
  for (const f of body.fields) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  return body.fields.map((f) => f.field);
}

const sorted = (...xs: string[]) => [...xs].sort();

describe('process list filters', () => {
  it('the county sees every level, launchers included', async () => {
    expect(await found('admin', {})).toEqual(sorted(ids.pairing, ids.cadre, ids.township, ids.county));
  });

  it('type, status, township, village, subject person, started by', async () => {
    expect(await found('admin', { type: 'mentor-pairing' })).toEqual([ids.pairing]);
    expect(await found('admin', { status: 'completed' })).toEqual(sorted(ids.cadre, ids.county));
    expect(await found('admin', { townshipId: t1 })).toEqual(sorted(ids.pairing, ids.cadre));
    expect(await found('admin', { villageId: villageA })).toEqual([ids.pairing]);
    expect(await found('admin', { subjectPersonId: personB })).toEqual([ids.cadre]);
    expect(await found('admin', { startedBy: users['officer-01'] })).toEqual([ids.pairing]);
  });

  it('current step by its catalogue key, an occurrence counting as its step', async () => {
    expect(await found('admin', { currentStep: 'exchange' })).toEqual([ids.pairing]);
    expect(await found('admin', { currentStep: 'objection.answer' })).toEqual([ids.township]);
    // A step done is no longer current.
    expect(await found('admin', { currentStep: 'self-report' })).toEqual([]);
    expect(await refused({ currentStep: 'nope' })).toEqual(['filter.currentStep']);
    expect(await refused({ type: 'mentor-pairing', currentStep: 'objection.answer' })).toEqual(['filter.currentStep']);
  });

  it('started between two China days, both included', async () => {
    expect(await found('admin', { startedTo: '2026-03-04' })).toEqual([ids.pairing]);
    expect(await found('admin', { startedFrom: '2026-03-05', startedTo: '2026-03-05' })).toEqual([ids.cadre]);
    expect(await found('admin', { startedFrom: '2026-04-10' })).toEqual(sorted(ids.township, ids.county));
    expect(await refused({ startedFrom: '2026-03-05', startedTo: '2026-03-01' })).toEqual(['filter.startedTo']);
    expect(await refused({ startedFrom: '2026-02-30' })).toEqual(['filter.startedFrom']);
  });

  it('overdue, waiting on a person (their own and their role’s tasks), waiting on me', async () => {
    expect(await found('admin', { overdue: true })).toEqual([ids.pairing]);
    expect(await found('admin', { overdue: false })).toEqual(sorted(ids.cadre, ids.township, ids.county));
    expect(await found('admin', { waitingOnUserId: users['mentor-001'] })).toEqual([ids.pairing]);
    expect(await found('admin', { waitingOnUserId: users['officer-02'] })).toEqual([ids.township]);
    expect(await found('officer-02', { waitingOnMe: true })).toEqual([ids.township]);
    expect(await refused({ waitingOnUserId: 2147483000 })).toEqual(['filter.waitingOnUserId']);
  });

  it('bad values are a 400 naming the field', async () => {
    expect(await refused({ type: 'no-such-type' })).toEqual(['filter.type']);
    expect(await refused({ villageId: 'a' })).toEqual(['filter.villageId']);
    expect(await refused({ startedBy: -1 })).toEqual(['filter.startedBy']);
    expect(await refused({ overdue: 'yes' })).toEqual(['filter.overdue']);
    expect(await refused({ starter: 1 })).toEqual(['filter.starter']);
  });
});

describe('every filter stays inside the caller’s scope', () => {
  it('a township officer sees only their township, whatever the filter asks for', async () => {
    expect(await found('officer-01', {})).toEqual(sorted(ids.pairing, ids.cadre));
    expect(await found('officer-01', { townshipId: t2 })).toEqual([]);
    expect(await found('officer-01', { villageId: otherVillage })).toEqual([]);
    expect(await found('officer-01', { currentStep: 'objection.answer' })).toEqual([]);
    expect(await found('officer-01', { waitingOnUserId: users['officer-02'] })).toEqual([]);
    expect(await found('officer-01', { startedFrom: '2026-04-10' })).toEqual([]);
    expect(await found('officer-02', { waitingOnUserId: users['mentor-001'] })).toEqual([]);
    expect(await found('officer-02', { status: 'completed' })).toEqual([]);
  });

  it('a process outside the scope is a 404, the county’s launcher included', async () => {
    for (const id of [ids.township, ids.county])
      expect((await t.request(`/api/processes/${id}`, { as: as['officer-01'] })).status).toBe(404);
    expect((await t.request(`/api/processes/${ids.pairing}`, { as: as['officer-01'] })).status).toBe(200);
    expect((await t.request(`/api/processes/${ids.county}`, { as: as.auditor })).status).toBe(200);
  });

  it('a mentor sees the process waiting on them, and nothing of the township or county levels', async () => {
    const seen = await found('mentor-001', {});
    expect(seen).toContain(ids.pairing);
    expect(seen).not.toContain(ids.township);
    expect(seen).not.toContain(ids.county);
    expect(await found('mentor-001', { townshipId: t2 })).toEqual([]);
    expect(await found('mentor-001', { currentStep: 'objection.answer' })).toEqual([]);
  });
});
