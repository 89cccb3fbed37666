import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type Session, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let officer2: Session;
let villageSecretary: Session;
let township1: number;
let village1: number;

beforeAll(async () => {
  t = await createTestApp();
  [admin, officer, officer2, villageSecretary] = await Promise.all(
    ['admin', 'officer-01', 'officer-02', 'village-001'].map((u) => t.login(u)),
  );
  const v = await t.db
    .selectFrom('users')
    .select(['village_id', 'township_id'])
    .where('username', '=', 'village-001')
    .executeTakeFirstOrThrow();
  township1 = v.township_id!;
  village1 = v.village_id!;
});
afterAll(() => t.close());

const list = async (as: Session, query: Parameters<typeof listQuery>[0] = {}) => {
  const res = await t.request(`/api/reserves?${listQuery({ range: [0, 499], ...query })}`, { as });
  expect(res.status).toBe(200);
  return {
    rows: (await res.json()) as Record<string, unknown>[],
    total: Number(res.headers.get('content-range')!.split('/')[1]),
  };
};

describe('the pool in scope', () => {
  it('the county sees all 620, a township only its own, a village secretary only their village', async () => {
    expect((await list(admin)).total).toBe(620);
    const own = await list(officer);
    expect(own.total).toBeGreaterThan(0);
    expect(own.total).toBeLessThan(620);
    expect(own.rows.every((r) => r.townshipId === township1)).toBe(true);
    const village = await list(villageSecretary);
    expect(village.rows.every((r) => r.villageId === village1)).toBe(true);
    expect(village.total).toBeGreaterThanOrEqual(1);
  });

  it('a reserve outside the scope answers 404, inside it 200 with history and records', async () => {
    const [inside] = (await list(officer)).rows;
    const outside = (await list(officer2)).rows[0];
    expect((await t.request(`/api/reserves/${outside.id}`, { as: officer })).status).toBe(404);
    expect((await t.request(`/api/reserves/${outside.id}`, { as: villageSecretary })).status).toBe(404);
    const res = await t.request(`/api/reserves/${inside.id}`, { as: officer });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'nominated',
      'under_review',
      'on_notice',
      'trial',
      'in_pool',
    ]);
    expect(body.records.length).toBeGreaterThan(0);
  });

  it('masks personal data in the list; the show reveals it to the township officer, logged, not to the village', async () => {
    const [row] = (await list(admin, { filter: { townshipId: township1 } })).rows;
    expect(row.piiMasked).toBe(true);
    expect(row.birthDate).toBeUndefined();
    expect(String(row.idNumber)).toMatch(/^\*{16}..$/);
    const shown = await (await t.request(`/api/reserves/${row.id}`, { as: officer })).json();
    expect(shown.piiMasked).toBe(false);
    const bySecretary = await t.request(`/api/reserves/${(await list(villageSecretary)).rows[0].id}`, {
      as: villageSecretary,
    });
    expect((await bySecretary.json()).piiMasked).toBe(true);
    const logged = await t.db
      .selectFrom('audit_log')
      .select('record_id')
      .where('action', '=', 'pii.read')
      .where('resource', '=', 'reserves')
      .execute();
    expect(logged).toContainEqual({ record_id: String(row.id) });
  });
});

describe('filters', () => {
  it('by village, mentor, overdue talks and ageing out agree with the rows', async () => {
    const byVillage = await list(admin, { filter: { villageId: village1 } });
    expect(byVillage.rows.every((r) => r.villageId === village1)).toBe(true);

    const noMentor = await list(admin, { filter: { hasMentor: false } });
    expect(noMentor.total).toBeGreaterThan(0);
    expect(noMentor.rows.every((r) => r.mentorPersonId === null)).toBe(true);

    const mentorId = (await list(admin, { filter: { hasMentor: true } })).rows[0].mentorPersonId as number;
    const mentored = await list(admin, { filter: { mentorPersonId: mentorId } });
    expect(mentored.rows.every((r) => r.mentorPersonId === mentorId)).toBe(true);

    const overdue = await list(admin, { filter: { talksOverdue: true } });
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.rows.every((r) => r.mentorTalkOverdue || r.secretaryTalkOverdue)).toBe(true);
    const onTime = await list(admin, { filter: { talksOverdue: false } });
    expect(onTime.total + overdue.total).toBe(620);

    const ageing = await list(admin, { filter: { ageingOut: true } });
    expect(ageing.rows.every((r) => r.ageingOut === true)).toBe(true);

    const inPool = await list(admin, { filter: { status: ['in_pool'] } });
    expect(inPool.total).toBe(620);
    expect((await list(admin, { filter: { status: 'exited' } })).total).toBe(0);
  });

  it('a township officer filtering another township gets nothing', async () => {
    const other = await t.db
      .selectFrom('townships')
      .select('id')
      .where('id', '!=', township1)
      .executeTakeFirstOrThrow();
    expect((await list(officer, { filter: { townshipId: other.id } })).total).toBe(0);
  });

  it('sorts by the next talk due and refuses an unknown filter', async () => {
    const { rows } = await list(admin, { sort: ['mentorTalkDue', 'ASC'], range: [0, 9] });
    const due = rows.map((r) => r.mentorTalkDue as string);
    expect([...due].sort()).toEqual(due);
    const res = await t.request(`/api/reserves?${listQuery({ filter: { colour: 'red' } })}`, { as: admin });
    expect(res.status).toBe(400);
  });
});

describe('gaps and export', () => {
  it('the gaps per township add up, and a township sees only its own row', async () => {
    const all = await (await t.request('/api/reserves/gaps', { as: admin })).json();
    expect(all.townships).toHaveLength(28);
    expect(all.totals.reserves).toBe(620);
    expect(all.totals.villages).toBe(413);
    expect(all.totals.villagesBelowTarget).toBeGreaterThan(0);
    expect(all.totals.withoutMentor).toBe((await list(admin, { filter: { hasMentor: false } })).total);
    const own = await (await t.request('/api/reserves/gaps', { as: officer })).json();
    expect(own.townships.map((g: { townshipId: number }) => g.townshipId)).toEqual([township1]);
  });

  it('exports the pool in scope as a spreadsheet without ID numbers', async () => {
    const res = await t.request(`/api/reserves/export.xlsx?filter=${encodeURIComponent('{}')}`, { as: officer });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
    expect(sheet.rowCount - 1).toBe((await list(officer)).total);
  });
});
