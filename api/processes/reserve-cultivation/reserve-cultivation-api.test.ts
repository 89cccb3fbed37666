// The reserve intake through the API on the dev server with a real worker: opening (once per
// year), nominating with eligibility refusals for each rule (422 naming the rule), a duplicate
// (409), another township (404), a closed intake (409), and the progress per village.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { validIdNumber } from '../../../test/support/id-numbers.js';

let t: TestApp;
const as: Record<string, Session> = {};
const YEAR = 2031;
let townshipId: number;
let villageId: number;
let otherPerson: number;
const people: Record<string, number> = {};

async function person(name: string, birth: string, seq: string, education: 'junior_high' | 'college' = 'college') {
  const row = await t.db
    .insertInto('people')
    .values({
      name,
      gender: 'female',
      birth_date: birth,
      id_number: validIdNumber(birth, seq),
      phone: '13800000000',
      education,
      party_member: true,
      township_id: townshipId,
      village_id: villageId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  for (const u of ['admin', 'officer-01', 'officer-02', 'village-001', 'cadre-0001', 'mentor-001'])
    as[u] = await t.login(u);
  const village = await t.db
    .selectFrom('users')
    .select(['village_id', 'township_id'])
    .where('username', '=', 'village-001')
    .executeTakeFirstOrThrow();
  townshipId = village.township_id!;
  villageId = village.village_id!;
  otherPerson = (
    await t.db
      .selectFrom('people')
      .select('id')
      .where('township_id', '!=', townshipId)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  const born = (age: number) => `${new Date().getUTCFullYear() - age}-01-15`;
  people.eligible = await person('推荐甲', born(30), '612');
  people.second = await person('推荐乙', born(28), '614');
  people.old = await person('超龄丙', born(48), '616');
  people.schooling = await person('学历丁', born(30), '618', 'junior_high');
  for (const [key, kind, seq] of [
    ['unqualified', 'unqualified_member', '622'],
    ['investigated', 'under_investigation', '624'],
    ['disciplined', 'disciplinary_period', '626'],
  ] as const) {
    people[key] = await person(`处分${seq}`, born(33), seq);
    await t.db
      .insertInto('discipline_records')
      .values({
        person_id: people[key],
        kind,
        starts_on: `${new Date().getUTCFullYear() - 1}-03-01`,
        ends_on: kind === 'under_investigation' ? null : `${new Date().getUTCFullYear() + 1}-03-01`,
      })
      .execute();
  }
}, 120_000);
afterAll(() => t.close());

const api = (user: string, path: string, body?: unknown) =>
  t.request(`/api/processes/reserve-cultivation${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    as: as[user],
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const nominate = (user: string, personId: number, source = 'organisation', township = townshipId) =>
  api(user, '/nominations', { townshipId: township, year: YEAR, personId, source });

describe('reserve intake through the API', () => {
  it('the township officer opens the intake once a year; others may not', async () => {
    expect((await api('village-001', '/intakes', { townshipId, year: YEAR })).status).toBe(403);
    expect((await api('officer-02', '/intakes', { townshipId, year: YEAR })).status).toBe(404);
    const opened = await api('officer-01', '/intakes', { townshipId, year: YEAR });
    expect(opened.status).toBe(201);
    expect(await opened.json()).toMatchObject({ year: YEAR, windowDays: 10 });
    expect((await api('officer-01', '/intakes', { townshipId, year: YEAR })).status).toBe(409);
    await vi.waitFor(
      async () => {
        const res = await api('officer-01', `/intakes/progress?townshipId=${townshipId}&year=${YEAR}`);
        expect(res.status).toBe(200);
        expect((await res.json()).villages.length).toBeGreaterThan(0);
      },
      { timeout: 20_000, interval: 200 },
    );
  });

  it('a village secretary nominates; a duplicate is 409', async () => {
    const res = await nominate('village-001', people.eligible);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ nomination: 1 });
    const again = await nominate('officer-01', people.eligible, 'mass');
    expect(again.status).toBe(409);
    expect((await again.json()).fields[0].field).toBe('personId');
    const row = await t.db
      .selectFrom('reserve_status_changes as c')
      .innerJoin('reserves as r', 'r.id', 'c.reserve_id')
      .select(['c.to_status', 'c.reason', 'r.status', 'r.source'])
      .where('r.person_id', '=', people.eligible)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      to_status: 'nominated',
      status: 'nominated',
      source: 'organisation',
      reason: '组织推荐',
    });
  });

  it('refuses an ineligible nomination with each failed rule', async () => {
    for (const [key, rule] of [
      ['old', 'age'],
      ['schooling', 'education'],
      ['unqualified', 'unqualified_member'],
      ['investigated', 'under_investigation'],
      ['disciplined', 'disciplinary_period'],
    ] as const) {
      const res = await nominate('officer-01', people[key]);
      expect(res.status, key).toBe(422);
      const body = await res.json();
      expect(body.code).toBe('ineligible');
      expect(body.fields.map((f: { field: string }) => f.field)).toEqual([`eligibility.${rule}`]);
      expect(body.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const shown = await api('officer-01', `/eligibility/${people.old}`);
    expect(await shown.json()).toMatchObject({ eligible: false, reasons: [{ rule: 'age' }] });
  });

  it('another township, another village or someone else is 404; a mentor 403', async () => {
    expect((await nominate('officer-01', otherPerson)).status).toBe(404);
    expect((await nominate('officer-02', people.second)).status).toBe(404);
    expect((await nominate('officer-01', people.second, 'organisation', townshipId + 1)).status).toBe(404);
    expect((await nominate('cadre-0001', people.second, 'self')).status).toBe(404);
    expect((await nominate('mentor-001', people.second)).status).toBe(403);
  });

  it('progress per village shows the nomination; once the intake is closed, nominating is 409', async () => {
    const progress = await (await api('officer-01', `/intakes/progress?townshipId=${townshipId}&year=${YEAR}`)).json();
    const village = progress.villages.find((v: { villageId: number }) => v.villageId === villageId);
    expect(village).toMatchObject({ nominated: 1, byState: { nominated: 1 } });
    expect((await api('officer-02', `/intakes/progress?townshipId=${townshipId}&year=${YEAR}`)).status).toBe(404);

    const cancel = await t.request(`/api/processes/${encodeURIComponent(progress.id)}/cancel`, {
      method: 'POST',
      as: as.admin,
      body: JSON.stringify({ reason: '测试撤销' }),
    });
    expect(cancel.status).toBe(200);
    await vi.waitFor(
      async () => {
        const row = await t.db
          .selectFrom('processes')
          .select('status')
          .where('id', '=', progress.id)
          .executeTakeFirst();
        expect(row?.status).toBe('cancelled');
      },
      { timeout: 20_000, interval: 200 },
    );
    const late = await nominate('officer-01', people.second);
    expect(late.status).toBe(409);
    expect((await late.json()).fields[0].field).toBe('year');
  });
});

describe('using a reserve and the exam spreadsheet', () => {
  it('use (使用) closes the cultivation as 已使用 and proposes a mentor pairing to the township', async () => {
    const cadre = await t.db
      .selectFrom('users')
      .select(['person_id', 'township_id', 'village_id'])
      .where('username', '=', 'cadre-0001')
      .executeTakeFirstOrThrow();
    const mentor = await t.db
      .selectFrom('users')
      .select('person_id')
      .where('username', '=', 'mentor-001')
      .executeTakeFirstOrThrow();
    await t.db.updateTable('reserves').set({ status: 'exited' }).where('person_id', '=', cadre.person_id!).execute();
    const reserve = await t.db
      .insertInto('reserves')
      .values({
        person_id: cadre.person_id!,
        township_id: cadre.township_id!,
        village_id: cadre.village_id!,
        status: 'in_pool',
        source: 'organisation',
        mentor_person_id: mentor.person_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { cultivationId } = await import('../../../workflows/reserve-cultivation/reserve-cultivation-definition.js');
    const { reserveCultivation } =
      await import('../../../workflows/reserve-cultivation/reserve-cultivation-workflow.js');
    const id = cultivationId(t.temporal.idPrefix ?? '', reserve.id);
    await t.temporal.client.workflow.start(reserveCultivation, {
      taskQueue: t.temporal.taskQueue,
      workflowId: id,
      args: [{ reserveId: reserve.id, startedBy: null }],
    });
    await t.db.updateTable('reserves').set({ cultivation_workflow_id: id }).where('id', '=', reserve.id).execute();
    // No waiting for the workflow to read its reserve: the use is taken the moment it starts.
    const body = { post: '村委会委员', date: '2031-05-20', note: '换届当选' };
    expect((await api('officer-02', `/reserves/${reserve.id}/use`, body)).status).toBe(404);
    expect((await api('village-001', `/reserves/${reserve.id}/use`, body)).status).toBe(403);
    const used = await api('officer-01', `/reserves/${reserve.id}/use`, body);
    const answer = await used.json();
    expect(used.status, JSON.stringify(answer)).toBe(200);
    expect(answer.pairing?.id).toMatch(/mentor-pairing-/);
    await vi.waitFor(
      async () => {
        const pairing = await t.db
          .selectFrom('processes')
          .select(['type', 'subject_person_id', 'township_id'])
          .where('id', '=', answer.pairing.id)
          .executeTakeFirst();
        expect(pairing).toMatchObject({
          type: 'mentor-pairing',
          subject_person_id: cadre.person_id,
          township_id: cadre.township_id,
        });
      },
      { timeout: 20_000, interval: 200 },
    );
    const row = await t.db.selectFrom('reserves').selectAll().where('id', '=', reserve.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'used', used_post: '村委会委员', ended_on: '2031-05-20' });
    expect(await t.temporal.client.workflow.getHandle(id).result()).toMatchObject({ status: 'used' });
    expect((await api('officer-01', `/reserves/${reserve.id}/exit`, { kind: 'withdrew', reason: '再试' })).status).toBe(
      409,
    );
  });

  it('a use sent the moment a reserve enters the pool waits for its cultivation, then succeeds', async () => {
    const entrant = await person('入库戊', `${new Date().getUTCFullYear() - 27}-03-03`, '632');
    const intake = `${t.temporal.idPrefix ?? ''}reserve-intake-2031-t${townshipId}`;
    const reserve = await t.db
      .insertInto('reserves')
      .values({
        person_id: entrant,
        township_id: townshipId,
        village_id: villageId,
        status: 'trial',
        source: 'organisation',
        intake_year: 2031,
        entered_on: '2031-06-01',
        intake_workflow_id: intake,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // As the intake leaves it for a moment: 试用期, its cultivation not yet started nor linked.
    const pending = api('officer-01', `/reserves/${reserve.id}/use`, { post: '村委会委员', date: '2031-06-02' });
    const { cultivationId } = await import('../../../workflows/reserve-cultivation/reserve-cultivation-definition.js');
    const { reserveCultivation } =
      await import('../../../workflows/reserve-cultivation/reserve-cultivation-workflow.js');
    const id = cultivationId(t.temporal.idPrefix ?? '', reserve.id);
    await t.temporal.client.workflow.start(reserveCultivation, {
      taskQueue: t.temporal.taskQueue,
      workflowId: id,
      args: [{ reserveId: reserve.id, startedBy: null }],
    });
    await t.db.updateTable('reserves').set({ cultivation_workflow_id: id }).where('id', '=', reserve.id).execute();
    const used = await pending;
    const answer = await used.json();
    expect(used.status, JSON.stringify(answer)).toBe(200);
    // No mentor yet: the township is told to start the pairing itself.
    expect(answer).toMatchObject({ reserveId: reserve.id, pairing: null, pairingNote: expect.stringMatching(/导师/) });
    expect(await t.temporal.client.workflow.getHandle(id).result()).toMatchObject({ status: 'used', years: 1 });
  });

  it('reads a score sheet and names each bad cell by row and column', async () => {
    const { examTemplate, parseExamSheet } = await import('./exam-spreadsheet.js');
    const ExcelJS = (await import('exceljs')).default;
    const bytes = await examTemplate([{ idNumber: '43072519900115612X', name: '推荐甲' }]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    book.worksheets[0].getRow(2).getCell(3).value = 88;
    book.worksheets[0].getRow(2).getCell(4).value = 91.5;
    const good = new Uint8Array(await book.xlsx.writeBuffer());
    expect(await parseExamSheet(good)).toEqual([
      { row: 2, idNumber: '43072519900115612X', name: '推荐甲', written: 88, interview: 91.5 },
    ]);
    book.worksheets[0].getRow(2).getCell(4).value = 'abc';
    const bad = new Uint8Array(await book.xlsx.writeBuffer());
    await expect(parseExamSheet(bad)).rejects.toMatchObject({ fields: [{ field: '第2行 面试成绩' }] });
  });
});
