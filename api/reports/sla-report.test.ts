// 时效报表 over task records with known times: exact counts, average and p90 hours per
// township and step family, the scope of each role, and the spreadsheet's same figures.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/support/test-app.js';
import { SLA_COLUMNS } from './sla-workbook.js';

let t: TestApp;
const as: Record<string, Session> = {};
const T = Date.parse('2025-03-10T09:00:00+08:00');
const H = 3600_000;
const PERIOD = 'processType=annual-assessment&from=2025-03-01&to=2025-03-31';

interface Row {
  township: number;
  key: string;
  status: 'open' | 'done' | 'cancelled';
  opened?: number;
  dueIn: number;
  decidedIn?: number;
  type?: string;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['admin', 'auditor', 'officer-01', 'secretary-01', 'village-001', 'mentor-001', 'cadre-0001'])
    as[u] = await t.login(u);
  const rows: Row[] = [
    // 漳江镇's objections (异议答复): three decided in 2, 4 (late) and 12 hours; one open past due, one not.
    { township: 1, key: 'objection.o1', status: 'done', dueIn: 24, decidedIn: 2 },
    { township: 1, key: 'objection.o2', status: 'done', dueIn: 3, decidedIn: 4 },
    { township: 1, key: 'objection.o3', status: 'done', dueIn: 24, decidedIn: 12 },
    { township: 1, key: 'objection.o4', status: 'open', dueIn: 24 },
    { township: 1, key: 'objection.o5', status: 'open', dueIn: 24 * 365 * 80 },
    { township: 1, key: 'objection.o6', status: 'cancelled', dueIn: 24 },
    // Outside the period (the day before it, China time) and the period's last half hour.
    {
      township: 1,
      key: 'objection.o7',
      status: 'done',
      opened: Date.parse('2025-02-28T23:00:00+08:00'),
      dueIn: 24,
      decidedIn: 100,
    },
    {
      township: 1,
      key: 'self-report',
      status: 'open',
      opened: Date.parse('2025-03-31T23:30:00+08:00'),
      dueIn: 24 * 365 * 80,
    },
    // Another township, and another process type in this one.
    { township: 2, key: 'score', status: 'done', dueIn: 24, decidedIn: 30 },
    { township: 1, key: 'proposal.approval', status: 'done', dueIn: 24, decidedIn: 1, type: 'mentor-pairing' },
  ];
  for (const [i, r] of rows.entries()) {
    const type = r.type ?? 'annual-assessment';
    const processId = `sla-test-${i}`;
    const opened = r.opened ?? T;
    await t.db
      .insertInto('processes')
      .values({
        id: processId,
        type,
        title: `时效测试 ${i}`,
        township_id: r.township,
        village_id: null,
        subject_person_id: null,
        current_step: null,
        started_by: null,
        params: '{}',
      })
      .execute();
    await t.db
      .insertInto('tasks')
      .values({
        task_key: r.key,
        process_id: processId,
        process_type: type,
        step_key: r.key,
        step_name: r.key,
        form: 'approval',
        actions: JSON.stringify(['approve']),
        assignee_user_id: null,
        assignee_role: 'township_officer',
        assignee_township_id: r.township,
        assignee_village_id: null,
        township_id: r.township,
        village_id: null,
        status: r.status,
        due_at: new Date(opened + r.dueIn * H),
        context: '{}',
        decision: null,
        decided_by: null,
        decided_at: r.decidedIn === undefined ? null : new Date(opened + r.decidedIn * H),
        created_at: new Date(opened),
      })
      .execute();
  }
}, 120_000);
afterAll(() => t.close());

const get = (user: string, query = PERIOD) => t.request(`/api/reports/sla?${query}`, { as: as[user] });

const township1 = [
  {
    townshipId: 1,
    step: 'self-report',
    open: 1,
    overdueOpen: 0,
    decided: 0,
    decidedLate: 0,
    avgHours: null,
    p90Hours: null,
  },
  // p90 of 2, 4, 12 by linear interpolation: 4 + 0.8 × (12 − 4) = 10.4
  {
    townshipId: 1,
    step: 'objection.answer',
    open: 2,
    overdueOpen: 1,
    decided: 3,
    decidedLate: 1,
    avgHours: 6,
    p90Hours: 10.4,
  },
];
const township2 = {
  townshipId: 2,
  step: 'score',
  open: 0,
  overdueOpen: 0,
  decided: 1,
  decidedLate: 1,
  avgHours: 30,
  p90Hours: 30,
};

describe('时效报表', () => {
  it('counts per township and step family, with exact averages and p90', async () => {
    const res = await get('admin');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ processType: 'annual-assessment', from: '2025-03-01', to: '2025-03-31' });
    const rows = body.rows.filter((r: { townshipId: number }) => r.townshipId === 1 || r.townshipId === 2);
    expect(rows).toEqual(
      [...township1, township2].map((r) => ({ ...r, townshipName: expect.any(String), stepName: expect.any(String) })),
    );
    expect(rows.find((r: { step: string }) => r.step === 'objection.answer').stepName).toMatch(/异议/);
    expect(rows[0].townshipName).toBe('漳江镇');
  });

  it('a township sees only its own; the county may pick one', async () => {
    for (const user of ['officer-01', 'secretary-01']) {
      for (const query of [PERIOD, `${PERIOD}&townshipId=2`]) {
        const res = await get(user, query);
        expect(res.status).toBe(200);
        expect((await res.json()).rows).toMatchObject(township1);
      }
    }
    expect((await (await get('admin', `${PERIOD}&townshipId=2`)).json()).rows).toMatchObject([township2]);
    expect((await get('auditor')).status).toBe(200);
  });

  it('refuses village secretaries, mentors and cadres', async () => {
    for (const user of ['village-001', 'mentor-001', 'cadre-0001']) expect((await get(user)).status).toBe(403);
  });

  it('names the field of a bad period or process type', async () => {
    const backwards = await get('admin', 'processType=annual-assessment&from=2025-04-01&to=2025-03-01');
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).fields[0].field).toBe('to');
    const badType = await get('admin', 'processType=nope');
    expect(badType.status).toBe(400);
    expect((await badType.json()).fields[0].field).toBe('query.processType');
  });

  it('the spreadsheet opens with exceljs and holds the same figures under Chinese headers', async () => {
    const json = (await (await get('officer-01')).json()).rows;
    const res = await t.request(`/api/reports/sla.xlsx?${PERIOD}`, { as: as['officer-01'] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('年度考核时效报表'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('时效报表')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SLA_COLUMNS.map((c) => c.header));
    // Each cell as stored: an empty one (nothing decided, no average) reads null, as in the JSON.
    const cells = [2, 3].map((n) => SLA_COLUMNS.map((_, i) => sheet.getRow(n).getCell(i + 1).value));
    expect(cells).toEqual(json.map((r: Record<string, unknown>) => SLA_COLUMNS.map((c) => r[c.key])));
    expect(cells[1]).toEqual(['漳江镇', expect.stringMatching(/异议/), 2, 1, 3, 1, 6, 10.4]);
  });
});
