// The annual assessment through the API on the dev server with a real worker: starting by
// hand (and again, as a no-op), live progress, results in scope and as a spreadsheet.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let as: Record<string, Session>;
const TOWNSHIP = 3;

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  as = {};
  for (const u of ['admin', 'officer-03', 'officer-04', 'cadre-0001']) as[u] = await t.login(u);
}, 120_000);
afterAll(() => t.close());

const post = (user: string, path: string, body: unknown) =>
  t.request(`/api/processes/annual-assessment${path}`, { method: 'POST', as: as[user], body: JSON.stringify(body) });

describe('annual assessment through the API', () => {
  it('only the county admin starts a year; a bad rubric is refused with its field', async () => {
    expect((await post('officer-03', '/start', { year: 2026, townshipIds: [TOWNSHIP] })).status).toBe(403);
    const bad = await post('admin', '/start', {
      year: 2026,
      townshipIds: [TOWNSHIP],
      rubric: {
        items: [{ key: 'discipline', name: '上班纪律', weight: 0.5, max: 100 }],
        thresholds: [
          { grade: 'excellent', min: 90 },
          { grade: 'competent', min: 75 },
          { grade: 'basically_competent', min: 60 },
          { grade: 'incompetent', min: 0 },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields[0].field).toBe('rubric');
  });

  it('starts a township, a second start is a no-op, and progress shows every self-report open', async () => {
    const first = await post('admin', '/start', { year: 2026, townshipIds: [TOWNSHIP] });
    expect(await first.json()).toEqual({ year: 2026, started: [TOWNSHIP], alreadyRunning: [] });
    const again = await post('admin', '/start', { year: 2026, townshipIds: [TOWNSHIP] });
    expect(await again.json()).toEqual({ year: 2026, started: [], alreadyRunning: [TOWNSHIP] });

    const cadres = await t.db
      .selectFrom('people as p')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.township_id', '=', TOWNSHIP)
      .where((eb) => eb.exists(eb.selectFrom('positions as s').select('s.id').whereRef('s.person_id', '=', 'p.id')))
      .executeTakeFirstOrThrow();
    // Waits on the progress it reads: each cadre's first task opens once their workflow has run.
    await vi.waitFor(
      async () => {
        const progress = await (
          await t.request('/api/processes/annual-assessment/progress?year=2026', { as: as.admin })
        ).json();
        const row = progress.find((p: { townshipId: number }) => p.townshipId === TOWNSHIP);
        expect(row?.steps['self-report']).toBe(cadres.n);
      },
      { timeout: 240_000, interval: 250 },
    );
    // A township officer's progress is their township alone.
    const own = await (
      await t.request('/api/processes/annual-assessment/progress?year=2026', { as: as['officer-04'] })
    ).json();
    expect(own.map((p: { townshipId: number }) => p.townshipId)).toEqual([4]);
  }, 300_000);

  it('refuses an objection while no public notice is open', async () => {
    const person = (
      await t.db.selectFrom('people').select('id').where('township_id', '=', TOWNSHIP).executeTakeFirstOrThrow()
    ).id;
    const res = await post('officer-03', '/objections', {
      year: 2026,
      townshipId: TOWNSHIP,
      personId: person,
      reason: '评分不公',
    });
    expect(res.status).toBe(409);
  });

  it('shows results in scope — a cadre only their own — and exports them', async () => {
    // 2021: the demo county carries results for 2023–2025 from its records, this test writes its own year
    const people = await t.db
      .selectFrom('people')
      .select(['id', 'township_id'])
      .where('township_id', 'in', [1, 2])
      .orderBy('id')
      .limit(200)
      .execute();
    await t.db
      .insertInto('assessment_results')
      .values(
        people.map((p, i) => ({
          year: 2021,
          person_id: p.id,
          township_id: p.township_id,
          version: 1,
          total: 90 - (i % 30),
          grade: 'competent',
          rank: (i % 30) + 1,
          scores: '{}',
          final: true,
        })),
      )
      .execute();
    const all = await (await t.request('/api/processes/annual-assessment/results?year=2021', { as: as.admin })).json();
    expect(all).toHaveLength(people.length);
    const officer = await (
      await t.request('/api/processes/annual-assessment/results?year=2021', { as: as['officer-03'] })
    ).json();
    expect(officer).toEqual([]);
    const ownPerson = (
      await t.db.selectFrom('users').select('person_id').where('username', '=', 'cadre-0001').executeTakeFirstOrThrow()
    ).person_id;
    const mine = await (
      await t.request('/api/processes/annual-assessment/results?year=2021', { as: as['cadre-0001'] })
    ).json();
    expect(mine.map((r: { personId: number }) => r.personId)).toEqual(
      people.some((p) => p.id === ownPerson) ? [ownPerson] : [],
    );

    const file = await t.request('/api/processes/annual-assessment/results.xlsx?year=2021&townshipId=1', {
      as: as.admin,
    });
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('乡镇(街道)');
    expect(sheet.rowCount - 1).toBe(people.filter((p) => p.township_id === 1).length);
  });
});
