// Targeted recruitment through the API on the dev server with a real worker: the county plans a
// draft, changes its rules (a new version), publishes it (rules frozen, the campaign workflow
// started); a cadre applies for themself and the township officer registers another; an
// ineligible cadre is refused naming every failed rule (422), a duplicate and a closed campaign
// 409, a person of another township 404; the campaign and its applications are read in scope.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RECRUITMENT_RULES } from '../../../domain/recruitment-rules.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { validIdNumber } from '../../../test/support/id-numbers.js';
import { XLSX_TYPE } from '../mentor-pairing/pairing-import-routes.js';
import ExcelJS from 'exceljs';
import { maskIdNumber } from '../../pii/mask.js';
import { RESULT_COLUMNS } from './results-spreadsheet.js';
import { matchScoreRows, parseScoreSheet, scoreTemplate } from './score-spreadsheet.js';

let t: TestApp;
const as: Record<string, Session> = {};
let townshipId: number;
let villageId: number;
let otherPerson: number;
const people: Record<string, number> = {};
const thisYear = new Date().getUTCFullYear();
const wait = { timeout: 20_000, interval: 200 };

/** A cadre of village-001's village: a seat since `since`, graded each year on file. */
async function cadre(
  name: string,
  seq: string,
  seat: { title: 'secretary' | 'deputy_director'; since: string },
  grades: Record<number, 'competent' | 'basically_competent'> = {},
) {
  const birth = `${thisYear - 32}-05-01`;
  const { id } = await t.db
    .insertInto('people')
    .values({
      name,
      gender: 'male',
      birth_date: birth,
      id_number: validIdNumber(birth, seq),
      phone: '13800000000',
      education: 'college',
      party_member: true,
      township_id: townshipId,
      village_id: villageId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('positions')
    .values({
      person_id: id,
      committee: seat.title === 'secretary' ? 'party_branch' : 'villagers_committee',
      title: seat.title,
      term_start: seat.since,
      term_end: `${thisYear + 4}-12-31`,
    })
    .execute();
  for (let year = thisYear - 6; year <= thisYear; year++)
    await t.db
      .insertInto('assessment_results')
      .values({
        year,
        person_id: id,
        township_id: townshipId,
        version: 1,
        total: 85,
        grade: grades[year] ?? 'competent',
        final: true,
      })
      .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ worker: true });
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
  people.self = await cadre('报考甲', '712', { title: 'secretary', since: `${thisYear - 5}-01-15` });
  people.registered = await cadre('报考乙', '714', { title: 'secretary', since: `${thisYear - 5}-01-15` });
  people.ineligible = await cadre(
    '报考丙',
    '716',
    { title: 'deputy_director', since: `${thisYear - 2}-01-15` },
    { [thisYear - 1]: 'basically_competent' },
  );
  // cadre-0001 is, for this test, the cadre applying for themself
  await t.db.updateTable('users').set({ person_id: people.self }).where('username', '=', 'cadre-0001').execute();
  for (const u of ['admin', 'officer-01', 'officer-02', 'village-001', 'cadre-0001', 'auditor'])
    as[u] = await t.login(u);
}, 120_000);
afterAll(() => t.close());

const api = (user: string, path: string, body?: unknown, method?: string) =>
  t.request(`/api/processes/targeted-recruitment${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    as: as[user],
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** An application's status as stored. */
const applicationStatus = async (id: number) =>
  (await t.db.selectFrom('recruitment_applications').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;

let campaign: number;
let position: number;
const draft = {
  year: thisYear,
  positions: [
    { kind: 'civil_service', name: '乡镇公务员', places: 5 },
    { kind: 'public_institution', name: '乡镇事业站所', places: 3 },
  ],
};

describe('targeted recruitment campaigns through the API', () => {
  it('only the county admin plans a draft; its rules default and each change is a version', async () => {
    for (const u of ['officer-01', 'cadre-0001', 'auditor'])
      expect((await api(u, '/campaigns', draft)).status).toBe(403);
    const bad = await api('admin', '/campaigns', {
      ...draft,
      positions: [{ kind: 'civil_service', name: 'x', places: 0 }],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fields[0].field).toBe('positions.0.places');
    const res = await api('admin', '/campaigns', draft);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ rulesVersion: 1 });
    campaign = created.id;

    const one = await (await api('admin', `/campaigns/${campaign}`)).json();
    expect(one).toMatchObject({ status: 'draft', frozen: false, rulesVersion: 1, rules: DEFAULT_RECRUITMENT_RULES });
    expect(one.positions.map((p: { places: number }) => p.places)).toEqual([5, 3]);
    position = one.positions[0].id;
    // a draft is the county's own
    expect((await api('cadre-0001', `/campaigns/${campaign}`)).status).toBe(404);
    expect((await (await api('cadre-0001', '/campaigns')).json()).data.map((c: { id: number }) => c.id)).not.toContain(
      campaign,
    );

    const rules = { ...DEFAULT_RECRUITMENT_RULES, minimumEducation: 'high_school' };
    expect((await api('officer-01', `/campaigns/${campaign}/rules`, { rules }, 'PUT')).status).toBe(404);
    const relaxed = await api('admin', `/campaigns/${campaign}/rules`, { rules, reason: '放宽学历' }, 'PUT');
    expect(relaxed.status).toBe(200);
    expect(await relaxed.json()).toMatchObject({ rulesVersion: 2 });
    const wrong = await api('admin', `/campaigns/${campaign}/rules`, { rules: { ...rules, ageLimit: 50 } }, 'PUT');
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).fields[0]).toMatchObject({ field: 'rules.relaxedAgeLimit' });
  });

  it('the county changes a draft’s year, title and positions with their places; bad input is 400 naming the field', async () => {
    const plan = {
      year: thisYear + 1,
      title: `${thisYear + 1} 年乡镇定向考录`,
      positions: [
        { kind: 'civil_service', name: '乡镇公务员', places: 4 },
        { kind: 'public_institution', name: '乡镇事业站所', places: 2 },
        { kind: 'public_institution', name: '乡镇农业服务中心', places: 1 },
      ],
    };
    expect((await api('officer-01', `/campaigns/${campaign}`, plan, 'PUT')).status).toBe(404);
    expect((await api('cadre-0001', `/campaigns/${campaign}`, plan, 'PUT')).status).toBe(404);
    for (const [body, field] of [
      [{ ...plan, year: 1999 }, 'year'],
      [{ ...plan, title: '' }, 'title'],
      [{ ...plan, positions: [] }, 'positions'],
      [{ ...plan, positions: [plan.positions[0], plan.positions[0]] }, 'positions'],
      [{ ...plan, positions: [{ ...plan.positions[0], places: 0 }] }, 'positions.0.places'],
      [{ ...plan, positions: [{ ...plan.positions[0], kind: 'army' }] }, 'positions.0.kind'],
      [{ ...plan, rules: { ...DEFAULT_RECRUITMENT_RULES, applicationDays: 0 } }, 'rules.applicationDays'],
    ] as const) {
      const res = await api('admin', `/campaigns/${campaign}`, body, 'PUT');
      expect(res.status, JSON.stringify(body)).toBe(400);
      const answer = await res.json();
      expect(answer.fields[0].field).toBe(field);
      expect(answer.fields[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
    // nothing of a refused change is kept
    const before = await (await api('admin', `/campaigns/${campaign}`)).json();
    expect(before).toMatchObject({ year: thisYear, rulesVersion: 2 });
    expect(before.positions.map((p: { places: number }) => p.places)).toEqual([5, 3]);

    const res = await api('admin', `/campaigns/${campaign}`, plan, 'PUT');
    expect(res.status).toBe(200);
    // the plan alone: the rules keep their version
    expect(await res.json()).toEqual({ id: campaign, rulesVersion: 2 });
    const one = await (await api('admin', `/campaigns/${campaign}`)).json();
    expect(one).toMatchObject({ year: thisYear + 1, title: plan.title, status: 'draft' });
    expect(one.positions.map((p: { name: string; places: number }) => [p.name, p.places])).toEqual([
      ['乡镇公务员', 4],
      ['乡镇事业站所', 2],
      ['乡镇农业服务中心', 1],
    ]);
    position = one.positions[0].id;
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('resource', '=', 'recruitment_campaigns')
      .where('record_id', '=', String(campaign))
      .where('action', '=', 'record.updated')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ year: thisYear + 1, positions: 3, rulesVersion: 2 });
  });

  it('publishing freezes the rules and opens the window; only once, only by the county', async () => {
    expect((await api('officer-01', `/campaigns/${campaign}/publish`, {})).status).toBe(404);
    const res = await api('admin', `/campaigns/${campaign}/publish`, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rulesVersion: 2 });
    expect((await api('admin', `/campaigns/${campaign}/publish`, {})).status).toBe(409);
    const frozen = await api('admin', `/campaigns/${campaign}/rules`, { rules: DEFAULT_RECRUITMENT_RULES }, 'PUT');
    expect(frozen.status).toBe(409);
    expect((await frozen.json()).fields[0].field).toBe('rules');
    const planFrozen = await api('admin', `/campaigns/${campaign}`, { ...draft, year: thisYear + 2 }, 'PUT');
    expect(planFrozen.status).toBe(409);
    expect((await planFrozen.json()).fields[0]).toMatchObject({
      field: 'status',
      message: expect.stringMatching(/已冻结/),
    });
    expect((await api('officer-01', `/campaigns/${campaign}/publish`, {})).status).toBe(403);
    const seen = await (await api('cadre-0001', `/campaigns/${campaign}`)).json();
    expect(seen).toMatchObject({ status: 'published', frozen: true, rulesVersion: 2 });
    expect(seen.rules.minimumEducation).toBe('high_school');
    await vi.waitFor(async () => {
      const row = await t.db
        .selectFrom('processes')
        .select('status')
        .where('id', '=', seen.workflowId)
        .executeTakeFirst();
      expect(row?.status).toBe('running');
    }, wait);
  });

  it('a cadre applies for themself; a duplicate is 409', async () => {
    expect((await api('village-001', `/campaigns/${campaign}/applications`, { positionId: position })).status).toBe(
      403,
    );
    const res = await api('cadre-0001', `/campaigns/${campaign}/applications`, { positionId: position });
    expect(res.status).toBe(201);
    const again = await api('officer-01', `/campaigns/${campaign}/applications`, {
      positionId: position,
      personId: people.self,
    });
    expect(again.status).toBe(409);
    expect((await again.json()).fields[0].field).toBe('personId');
    // a cadre applies for no one else
    const other = await api('cadre-0001', `/campaigns/${campaign}/applications`, {
      positionId: position,
      personId: people.registered,
    });
    expect(other.status).toBe(404);
  });

  it('the township officer registers a cadre of their township only; the ineligible are refused with every reason', async () => {
    const outside = await api('officer-01', `/campaigns/${campaign}/applications`, {
      positionId: position,
      personId: otherPerson,
    });
    expect(outside.status).toBe(404);
    expect(
      (
        await api('officer-02', `/campaigns/${campaign}/applications`, {
          positionId: position,
          personId: people.registered,
        })
      ).status,
    ).toBe(404);
    const refused = await api('officer-01', `/campaigns/${campaign}/applications`, {
      positionId: position,
      personId: people.ineligible,
    });
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body.fields.map((f: { field: string }) => f.field)).toEqual([
      'eligibility.years_in_post',
      `eligibility.assessment.${thisYear - 1}`,
    ]);
    expect(body.fields[1].message).toBe(`${thisYear - 1} 年度考核为基本称职，须称职及以上`);
    const ok = await api('officer-01', `/campaigns/${campaign}/applications`, {
      positionId: position,
      personId: people.registered,
    });
    expect(ok.status).toBe(201);
    expect(
      await t.db
        .selectFrom('recruitment_applications')
        .select('person_id')
        .where('campaign_id', '=', campaign)
        .orderBy('person_id')
        .execute(),
    ).toEqual([{ person_id: people.self }, { person_id: people.registered }].sort((a, b) => a.person_id - b.person_id));
  });

  it('applications are read in scope with status and reasons; the funnel counts what the caller sees', async () => {
    const list = async (u: string) =>
      (await (await api(u, `/campaigns/${campaign}/applications`)).json()).data as {
        personId: number;
        status: string;
        reason: string | null;
      }[];
    expect((await list('cadre-0001')).map((a) => a.personId)).toEqual([people.self]);
    expect((await list('officer-01')).map((a) => a.personId).sort()).toEqual([people.self, people.registered].sort());
    expect(await list('officer-02')).toEqual([]);
    const all = await list('admin');
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ status: 'applied' });
    await vi.waitFor(async () => expect((await list('admin'))[0].reason).toBeTruthy(), wait);
    const one = await (await api('admin', `/campaigns/${campaign}`)).json();
    expect(one.funnel.slice(0, 3)).toEqual([
      { stage: 'applied', count: 2 },
      { stage: 'eligible', count: 2 },
      { stage: 'recommended', count: 0 },
    ]);
    expect((await (await api('cadre-0001', `/campaigns/${campaign}`)).json()).funnel[0].count).toBe(1);
    expect((await api('admin', '/campaigns/2147483000/applications')).status).toBe(404);
  });

  it('a bad score sheet answers 400 naming row and column; a good one waits for the exam (409); nothing is stored', async () => {
    const upload = (user: string, bytes: Uint8Array, exam = 'written') =>
      t.request(`/api/processes/targeted-recruitment/campaigns/${campaign}/scores?exam=${exam}`, {
        method: 'POST',
        as: as[user],
        headers: { 'content-type': XLSX_TYPE },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
    const person = await t.db
      .selectFrom('people')
      .select(['id_number', 'name'])
      .where('id', '=', people.self)
      .executeTakeFirstOrThrow();
    const row = { idNumber: person.id_number, name: person.name };
    const fields = async (res: Response) => {
      expect(res.status).toBe(400);
      return (await res.json()).fields.map((f: { field: string }) => f.field);
    };
    const good = await scoreTemplate('written', [{ ...row, score: 75 }]);
    expect((await upload('officer-01', good)).status).toBe(403);
    expect(
      await fields(
        await upload('admin', await scoreTemplate('written', [{ ...row, score: 75 }], ['身份证号', '姓名'])),
      ),
    ).toEqual(['第1行 笔试成绩']);
    expect(await fields(await upload('admin', await scoreTemplate('written', [{ ...row, score: 101 }])))).toEqual([
      '第2行 笔试成绩',
    ]);
    expect(
      await fields(
        await upload(
          'admin',
          await scoreTemplate('written', [
            { ...row, score: 70 },
            { ...row, score: 71 },
          ]),
        ),
      ),
    ).toEqual(['第3行 身份证号']);
    const early = await upload('admin', good);
    expect(early.status).toBe(409);
    expect((await early.json()).fields[0].field).toBe('exam');
    expect(await t.db.selectFrom('recruitment_scores').selectAll().execute()).toEqual([]);
  });

  it('the score template carries the applicants and reads back through the import; only the county downloads it, audited', async () => {
    const path = `/campaigns/${campaign}/scores/template?exam=written`;
    for (const u of ['officer-01', 'cadre-0001', 'auditor']) expect((await api(u, path)).status).toBe(403);
    expect((await api('admin', `/campaigns/${campaign}/scores/template`)).status).toBe(400);
    const res = await api('admin', path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    const rows = await parseScoreSheet(new Uint8Array(await res.arrayBuffer()), 'written');
    const applicants = await t.db
      .selectFrom('recruitment_applications as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select(['a.id', 'p.id_number', 'p.name'])
      .where('a.campaign_id', '=', campaign)
      .execute();
    expect(rows.map((r) => r.idNumber).sort()).toEqual(applicants.map((a) => a.id_number).sort());
    expect(rows.every((r) => r.score === null)).toBe(true);
    const matched = matchScoreRows(
      rows,
      applicants.map((a) => ({ applicationId: a.id, idNumber: a.id_number, name: a.name })),
    );
    expect(matched.map((m) => m.applicationId).sort()).toEqual(applicants.map((a) => a.id).sort());
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'record_id', 'detail'])
      .where('resource', '=', 'recruitment_applications')
      .where('action', '=', 'pii.read')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ record_id: String(campaign), detail: { fields: ['idNumber'], rows: 2 } });
  });

  it('the results sheet lists the applications in rank order with scores, bonus, total and masked ID numbers', async () => {
    const apps = await t.db
      .selectFrom('recruitment_applications')
      .select(['id', 'person_id'])
      .where('campaign_id', '=', campaign)
      .execute();
    const self = apps.find((a) => a.person_id === people.self)!.id;
    const registered = apps.find((a) => a.person_id === people.registered)!.id;
    // as the ranking activity leaves them: the registered cadre first, the other second
    await t.db
      .updateTable('recruitment_applications')
      .set({ rank: 1, total: 82.5 })
      .where('id', '=', registered)
      .execute();
    await t.db.updateTable('recruitment_applications').set({ rank: 2, total: 71 }).where('id', '=', self).execute();
    await t.db
      .insertInto('recruitment_scores')
      .values([
        { application_id: registered, exam: 'written', score: 80 },
        { application_id: registered, exam: 'interview', score: 81 },
        { application_id: self, exam: 'written', score: 70 },
        { application_id: self, exam: 'interview', score: null, absent: true },
      ])
      .execute();
    await t.db
      .insertInto('recruitment_bonus_points')
      .values({ application_id: registered, level: 'county', points: 2, source: '县级优秀村干部' })
      .execute();
    const sheet = async (user: string) => {
      const res = await api(user, `/campaigns/${campaign}/results.xlsx`);
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const rows: unknown[][] = [];
      book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const [header, ...rows] = await sheet('admin');
    expect(header).toEqual(RESULT_COLUMNS.map((c) => c.header));
    const id = async (person: number) =>
      (await t.db.selectFrom('people').select('id_number').where('id', '=', person).executeTakeFirstOrThrow())
        .id_number;
    expect(rows).toEqual([
      [
        1,
        '报考乙',
        maskIdNumber(await id(people.registered)),
        expect.any(String),
        expect.any(String),
        '乡镇公务员',
        80,
        81,
        2,
        82.5,
        '已报名',
      ],
      [
        2,
        '报考甲',
        maskIdNumber(await id(people.self)),
        expect.any(String),
        expect.any(String),
        '乡镇公务员',
        70,
        '缺考',
        undefined,
        71,
        '已报名',
      ],
    ]);
    expect(String(rows[0][2])).toMatch(/^\*{16}[\dX]{2}$/);
    // the cadre's sheet has their own row only
    expect((await sheet('cadre-0001')).slice(1).map((r) => r[1])).toEqual(['报考甲']);
    expect((await api('admin', '/campaigns/2147483000/results.xlsx')).status).toBe(404);
  });

  it('放弃: the applicant, their township officer (with a reason) or the county; 404 outside, 409 once ended or hired, audited', async () => {
    const appOf = async (personId: number) =>
      (
        await t.db
          .selectFrom('recruitment_applications')
          .select('id')
          .where('campaign_id', '=', campaign)
          .where('person_id', '=', personId)
          .executeTakeFirstOrThrow()
      ).id;
    const [mine, theirs] = [await appOf(people.self), await appOf(people.registered)];
    const withdraw = (user: string, app: number, body: Record<string, unknown> = {}) =>
      api(user, `/applications/${app}/withdraw`, body);

    expect((await withdraw('officer-02', theirs, { reason: '家庭原因' })).status).toBe(404);
    expect((await withdraw('cadre-0001', theirs)).status).toBe(404);
    expect((await withdraw('village-001', theirs, { reason: '家庭原因' })).status).toBe(403);
    expect((await withdraw('admin', 2147483000, { reason: '家庭原因' })).status).toBe(404);
    const noReason = await withdraw('officer-01', theirs);
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).fields[0]).toMatchObject({ field: 'reason', message: '代为登记放弃须填写原因' });

    // the cadre gives up their own; the same request again answers the same, another is 409
    const first = await withdraw('cadre-0001', mine, { requestId: 'withdraw-1' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ applicationId: mine, status: 'withdrawn' });
    expect((await withdraw('cadre-0001', mine, { requestId: 'withdraw-1' })).status).toBe(200);
    const again = await withdraw('cadre-0001', mine, { requestId: 'withdraw-2' });
    expect(again.status).toBe(409);
    expect((await again.json()).fields[0]).toMatchObject({ field: 'status', message: '该报名已放弃' });
    const changes = await t.db
      .selectFrom('recruitment_status_changes')
      .select(['to_status', 'reason'])
      .where('application_id', '=', mine)
      .where('to_status', '=', 'withdrawn')
      .execute();
    expect(changes).toEqual([{ to_status: 'withdrawn', reason: '本人放弃' }]);
    const task = await t.db
      .selectFrom('tasks')
      .select('status')
      .where('step_key', '=', 'recommendation')
      .where('process_id', 'like', `%recruitment-applicant-a${mine}`)
      .executeTakeFirstOrThrow();
    expect(task.status).toBe('cancelled');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('resource', '=', 'recruitment_applications')
      .where('record_id', '=', String(mine))
      .where('action', '=', 'record.updated')
      .execute();
    expect(audit).toHaveLength(1);

    // after the hire there is nothing to give up
    await t.db.updateTable('recruitment_applications').set({ status: 'hired' }).where('id', '=', theirs).execute();
    const hired = await withdraw('admin', theirs, { reason: '家庭原因' });
    expect(hired.status).toBe(409);
    expect((await hired.json()).fields[0].message).toBe('已录用，不能再放弃');
    await t.db.updateTable('recruitment_applications').set({ status: 'applied' }).where('id', '=', theirs).execute();
    // the township officer registers it for the applicant, with the reason
    expect((await withdraw('officer-01', theirs, { reason: '已考取其他单位' })).status).toBe(200);
    const list = (await (await api('admin', `/campaigns/${campaign}/applications`)).json()).data as {
      id: number;
      status: string;
      reason: string;
    }[];
    expect(list.find((a) => a.id === theirs)).toMatchObject({
      status: 'withdrawn',
      reason: '本人放弃：已考取其他单位',
    });
  });

  it('强制终止 of the campaign: an application under way reads 已撤销 with the reason, its applicant ends, one given up stays', async () => {
    const late = await cadre('报考丁', '718', { title: 'secretary', since: `${thisYear - 5}-01-15` });
    const applied = await api('officer-01', `/campaigns/${campaign}/applications`, {
      positionId: position,
      personId: late,
    });
    expect(applied.status).toBe(201);
    const app = (
      await t.db
        .selectFrom('recruitment_applications')
        .select(['id', 'workflow_id'])
        .where('campaign_id', '=', campaign)
        .where('person_id', '=', late)
        .executeTakeFirstOrThrow()
    ).id;
    const { workflowId } = await (await api('admin', `/campaigns/${campaign}`)).json();
    const applicant = await vi.waitFor(async () => {
      const task = await t.db
        .selectFrom('tasks')
        .select('process_id')
        .where('step_key', '=', 'recommendation')
        .where('process_id', 'like', `%recruitment-applicant-a${app}`)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      return task.process_id;
    }, wait);
    const withdrawnBefore = await t.db
      .selectFrom('recruitment_applications')
      .select(['id', 'status'])
      .where('campaign_id', '=', campaign)
      .where('status', '=', 'withdrawn')
      .execute();
    expect(withdrawnBefore.length).toBeGreaterThan(0);

    const res = await t.request(`/api/processes/${workflowId}/terminate`, {
      method: 'POST',
      as: as.admin,
      body: JSON.stringify({ reason: '方案有误，重新制定' }),
    });
    expect(res.status).toBe(200);

    expect(await applicationStatus(app)).toBe('cancelled');
    const changes = await t.db
      .selectFrom('recruitment_status_changes')
      .select(['from_status', 'to_status', 'reason'])
      .where('application_id', '=', app)
      .orderBy('id')
      .execute();
    expect(changes.at(-1)).toEqual({
      from_status: 'applied',
      to_status: 'cancelled',
      reason: '考录流程已强制终止：方案有误，重新制定',
    });
    const after = await t.db
      .selectFrom('recruitment_applications')
      .select(['id', 'status'])
      .where(
        'id',
        'in',
        withdrawnBefore.map((w) => w.id),
      )
      .execute();
    expect(after.map((w) => w.status)).toEqual(withdrawnBefore.map(() => 'withdrawn'));
    const campaignRow = await t.db
      .selectFrom('recruitment_campaigns')
      .select('status')
      .where('id', '=', campaign)
      .executeTakeFirstOrThrow();
    expect(campaignRow.status).toBe('cancelled');
    // the applicant's workflow, abandoned by Temporal, is withdrawn and closes its own task
    await vi.waitFor(async () => {
      const p = await t.db
        .selectFrom('processes')
        .select('status')
        .where('id', '=', applicant)
        .executeTakeFirstOrThrow();
      expect(p.status).toBe('cancelled');
    }, wait);
    const task = await t.db
      .selectFrom('tasks')
      .select('status')
      .where('process_id', '=', applicant)
      .where('step_key', '=', 'recommendation')
      .executeTakeFirstOrThrow();
    expect(task.status).toBe('cancelled');
    // the application's outcome, written when the campaign ended, is not written over
    expect(await applicationStatus(app)).toBe('cancelled');
  });

  it('a closed campaign takes no application (409)', async () => {
    await t.db.updateTable('recruitment_campaigns').set({ status: 'closed' }).where('id', '=', campaign).execute();
    const res = await api('officer-01', `/campaigns/${campaign}/applications`, {
      positionId: position,
      personId: people.ineligible,
    });
    expect(res.status).toBe(409);
    expect((await res.json()).fields[0].field).toBe('campaignId');
  });
});
