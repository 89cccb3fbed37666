// 导师帮带 from a spreadsheet, through the API with a real worker: the template, a clean file,
// a file with bad rows (nothing starts), scope, wrong uploads, limits, the export, and a
// start that stops part-way.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { MAX_UPLOAD_BYTES, XLSX_TYPE } from './pairing-import-routes.js';

const HEADERS = ['被帮带干部身份证号', '被帮带干部姓名', '导师身份证号', '导师姓名', '结对理由'];
const BASE = '/api/processes/mentor-pairing';

interface Person {
  id: number;
  name: string;
  idNumber: string;
}

let t: TestApp;
const as: Record<string, Session> = {};
let mentees: Person[];
let mentors: Person[];
let elsewhere: Person;

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  for (const u of ['admin', 'officer-01', 'officer-02']) as[u] = await t.login(u);
  const people = (role: 'cadre' | 'mentor', townshipId: number) =>
    t.db
      .selectFrom('people as p')
      .innerJoin('users as u', (j) =>
        j.onRef('u.person_id', '=', 'p.id').on('u.role', '=', role).on('u.active', '=', true),
      )
      .select(['p.id', 'p.name', 'p.id_number as idNumber'])
      .where('p.township_id', '=', townshipId)
      .where(role === 'mentor' ? 'p.is_mentor' : 'p.newly_elected', '=', true)
      // From the end of the roster: workflow ids follow person ids, and other test files start
      // pairings for the first cadres on the same Temporal server.
      .orderBy('p.id', 'desc')
      .limit(14)
      .execute();
  mentees = await people('cadre', 1);
  mentors = await people('mentor', 1);
  elsewhere = (await people('cadre', 2))[0];
  as.cadre = await t.login(
    (await t.db.selectFrom('users').select('username').where('person_id', '=', mentees[0].id).executeTakeFirstOrThrow())
      .username,
  );
  expect(mentees.length).toBeGreaterThanOrEqual(14);
  expect(mentors.length).toBeGreaterThanOrEqual(2);
}, 120_000);
afterAll(() => t.close());

type Cell = string | number | null;
const row = (mentee: Person, mentor: Person, reason: Cell = '新任干部结对'): Cell[] => [
  mentee.idNumber,
  mentee.name,
  mentor.idNumber,
  mentor.name,
  reason,
];

async function workbook(rows: Cell[][], headers: string[] = HEADERS): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('导入');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function readWorkbook(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as never);
  return wb;
}

function upload(bytes: Uint8Array, options: { as?: Session; name?: string; type?: string } = {}) {
  const form = new FormData();
  form.append(
    'file',
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: options.type ?? XLSX_TYPE }),
    options.name ?? '结对.xlsx',
  );
  return t.request(`${BASE}/import`, { method: 'POST', as: options.as ?? as['officer-01'], body: form });
}

const pairingCount = async () =>
  (
    await t.db
      .selectFrom('processes')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('type', '=', 'mentor-pairing')
      .executeTakeFirstOrThrow()
  ).n;
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { fields: { field: string; message: string; messageEn: string }[] }).fields;

async function waitForApprovals(processIds: string[]) {
  return vi.waitFor(
    async () => {
      const tasks = await t.db
        .selectFrom('tasks')
        .select('process_id')
        .where('process_id', 'in', processIds)
        .where('step_key', '=', 'proposal.approval')
        .where('status', '=', 'open')
        .execute();
      expect(tasks).toHaveLength(processIds.length);
      return tasks;
    },
    { timeout: 60_000, interval: 100 },
  );
}

describe('导师帮带 spreadsheets', () => {
  it('the template downloads as a workbook with the headers, help, and mentors by last four digits only', async () => {
    const res = await t.request(`${BASE}/template.xlsx`, { as: as['officer-01'] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('导师帮带导入模板.xlsx')}`,
    );
    const wb = await readWorkbook(res);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['导入', '说明', '导师名单']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    const list = wb.getWorksheet('导师名单')!;
    const townshipMentors = await t.db
      .selectFrom('people as p')
      .innerJoin('users as u', 'u.person_id', 'p.id')
      .select('p.id_number')
      .where('u.role', '=', 'mentor')
      .where('u.active', '=', true)
      .where('p.township_id', '=', 1)
      .execute();
    expect(list.rowCount - 1).toBe(townshipMentors.length);
    const cells = list.getSheetValues().flat().map(String);
    expect(cells.some((v) => /\d{17}[\dX]/.test(v))).toBe(false);
    expect(cells).toContain(`${'*'.repeat(16)}${townshipMentors[0].id_number.slice(-2)}`);
    // Only those who may start pairings get it.
    expect((await t.request(`${BASE}/template.xlsx`, { as: as.cadre })).status).toBe(403);
  });

  it('a file with 3 good rows starts 3 pairings, keeping Excel’s row numbers across a blank row', async () => {
    const before = await pairingCount();
    // A padded ID number and name, a blank row, trailing blank rows: what clerks send.
    const padded: Cell[] = [
      ` ${mentees[1].idNumber.toLowerCase()} `,
      ` ${mentees[1].name} `,
      mentors[0].idNumber,
      mentors[0].name,
      null,
    ];
    const res = await upload(
      await workbook([
        row(mentees[0], mentors[0]),
        padded,
        [null, null, null, null, null],
        row(mentees[2], mentors[1]),
        ['', '', '', '', ''],
      ]),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { started: { row: number; id: string; title: string }[]; total: number };
    expect(body.total).toBe(3);
    expect(body.started.map((s) => s.row)).toEqual([2, 3, 5]);
    expect(Number(await pairingCount())).toBe(Number(before) + 3);
    const rows = await t.db
      .selectFrom('processes')
      .select(['id', 'subject_person_id', 'status', 'township_id'])
      .where(
        'id',
        'in',
        body.started.map((s) => s.id),
      )
      .orderBy('subject_person_id')
      .execute();
    expect(rows.map((r) => r.subject_person_id)).toEqual(
      [mentees[0].id, mentees[1].id, mentees[2].id].sort((a, b) => a - b),
    );
    expect(rows.every((r) => r.status === 'running' && r.township_id === 1)).toBe(true);
    expect(await waitForApprovals(body.started.map((s) => s.id))).toHaveLength(3);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'import.completed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ rows: 3, started: 3, complete: true });
  });

  it('a file with bad rows names each by row and column and starts nothing', async () => {
    const before = await pairingCount();
    const bad = mentees[5].idNumber.slice(0, 17) + (mentees[5].idNumber[17] === '1' ? '2' : '1');
    const notMentor = mentees[13];
    const res = await upload(
      await workbook([
        row(mentees[3], mentors[0]),
        row(mentees[4], mentors[1]),
        [bad, mentees[5].name, mentors[0].idNumber, mentors[0].name, null],
        row(mentees[3], notMentor), // the same cadre as row 2, and a mentor who is not one
      ]),
    );
    expect(res.status).toBe(400);
    const body = (await res.clone().json()) as { code: string };
    expect(body.code).toBe('validation_failed');
    const fields = await fieldsOf(res);
    expect(fields.map((f) => f.field)).toEqual([
      '第4行 被帮带干部身份证号',
      '第5行 被帮带干部身份证号',
      '第5行 导师身份证号',
    ]);
    expect(fields[0].message).toContain('校验码');
    expect(fields[1].message).toContain('第2行');
    expect(fields[2].message).toContain('未找到与该姓名和身份证号相符');
    expect(fields[2].messageEn).toMatch(/^row 5, mentor ID number: /);
    expect(await pairingCount()).toBe(before);
  });

  it('refuses an ID number kept as a number, a wrong name, a missing column, and a cadre already paired', async () => {
    const numeric = mentees[6].idNumber.endsWith('X') ? mentees[7] : mentees[6];
    const res = await upload(
      await workbook([
        [Number(numeric.idNumber), numeric.name, mentors[0].idNumber, mentors[0].name, null],
        [mentees[8].idNumber, '张冠李', mentors[0].idNumber, mentors[0].name, null],
        row(mentees[0], mentors[1]),
      ]),
    );
    expect(res.status).toBe(400);
    const fields = await fieldsOf(res);
    expect(fields.map((f) => f.field)).toEqual([
      '第2行 被帮带干部身份证号',
      '第3行 被帮带干部姓名',
      '第4行 被帮带干部身份证号',
    ]);
    expect(fields[0].message).toContain('文本');
    expect(fields[1].message).toContain('姓名与身份证号不符');
    expect(fields[2].message).toContain('进行中');
    const noHeader = await upload(await workbook([row(mentees[8], mentors[0])], ['身份证号', '姓名']));
    expect(noHeader.status).toBe(400);
    expect((await fieldsOf(noHeader))[0].field).toBe('第1行 表头');
  });

  it('a township officer cannot import a cadre of another township; the county can', async () => {
    const before = await pairingCount();
    const res = await upload(await workbook([row(mentees[9], mentors[0]), row(elsewhere, mentors[0])]));
    expect(res.status).toBe(400);
    const fields = await fieldsOf(res);
    expect(fields).toHaveLength(1);
    expect(fields[0].field).toBe('第3行 被帮带干部身份证号');
    expect(fields[0].message).toContain('不在您的管辖范围内');
    expect(await pairingCount()).toBe(before);
    const byCounty = await upload(await workbook([row(elsewhere, mentors[0])]), { as: as.admin });
    expect(byCounty.status).toBe(200);
  });

  it('says clearly what is wrong with an upload that is not an .xlsx', async () => {
    const text = await upload(new TextEncoder().encode('姓名,身份证号\n'), { name: '结对.csv', type: 'text/csv' });
    expect(text.status).toBe(400);
    expect((await fieldsOf(text))[0]).toMatchObject({ field: 'file', message: expect.stringContaining('.xlsx') });
    const xls = await upload(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(64).fill(0)]),
      { name: '结对.xls' },
    );
    expect((await fieldsOf(xls))[0].message).toContain('.xls');
    const json = await t.request(`${BASE}/import`, {
      method: 'POST',
      as: as['officer-01'],
      body: JSON.stringify({ rows: [] }),
    });
    expect(json.status).toBe(415);
    expect((await json.json()).code).toBe('unsupported_media_type');
    const noFile = await t.request(`${BASE}/import`, { method: 'POST', as: as['officer-01'], body: new FormData() });
    expect(noFile.status).toBe(400);
  });

  it('takes uploads up to its own limit, answers 413 beyond it, and keeps 1 MiB for JSON', async () => {
    const raw = (size: number) =>
      t.request(`${BASE}/import`, {
        method: 'POST',
        as: as['officer-01'],
        headers: { 'content-type': XLSX_TYPE },
        body: new Uint8Array(size),
      });
    expect((await raw(MAX_UPLOAD_BYTES + 1)).status).toBe(413);
    expect((await upload(new Uint8Array(MAX_UPLOAD_BYTES + 1))).status).toBe(413);
    // 2 MiB passes the limit here and fails as a workbook instead.
    expect((await raw(2 * 1024 * 1024)).status).toBe(400);
    const tooMany = await upload(await workbook(Array.from({ length: 2001 }, () => row(mentees[9], mentors[0]))));
    expect(tooMany.status).toBe(400);
    expect((await fieldsOf(tooMany))[0]).toMatchObject({ field: 'file', message: expect.stringContaining('2000') });
    const big = JSON.stringify({ menteePersonId: 1, mentorPersonId: 2, reason: 'x'.repeat(2 * 1024 * 1024) });
    expect((await t.request(BASE, { method: 'POST', as: as['officer-01'], body: big })).status).toBe(413);
  });

  it('the export lists the started pairings in the caller’s scope', async () => {
    const res = await t.request(`${BASE}/export.xlsx`, { as: as['officer-01'] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment;');
    const sheet = (await readWorkbook(res)).worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual([
      '被帮带干部',
      '村(社区)',
      '乡镇',
      '导师',
      '状态',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r[1]).sort()).toEqual([mentees[0].name, mentees[1].name, mentees[2].name].sort());
    expect(rows.every((r) => r[5] === '进行中')).toBe(true);
    expect(rows.find((r) => r[1] === mentees[2].name)![4]).toBe(mentors[1].name);
    // The other township sees its own only: the county's import for it.
    const other = (await readWorkbook(await t.request(`${BASE}/export.xlsx`, { as: as['officer-02'] }))).worksheets[0];
    expect((other.getSheetValues().slice(2) as unknown[][]).map((r) => r[1])).toEqual([elsewhere.name]);
  });

  it('when Temporal fails part-way, the started rows stay and the answer names them and the rest', async () => {
    const workflows = t.temporal.client.workflow;
    const original = workflows.start.bind(workflows);
    let calls = 0;
    workflows.start = ((...args: Parameters<typeof original>) =>
      ++calls === 2 ? Promise.reject(new Error('connection refused')) : original(...args)) as typeof workflows.start;
    try {
      const res = await upload(await workbook(mentees.slice(9, 13).map((m, i) => row(m, mentors[i % 2]))));
      expect(res.status).toBe(503);
      const body = (await res.json()) as {
        code: string;
        message: string;
        started: { row: number; id: string }[];
        fields: { field: string; message: string }[];
      };
      expect(body.code).toBe('import_incomplete');
      expect(body.message).toContain('不会撤回');
      expect(body.started.length + body.fields.length).toBe(4);
      expect(body.fields.filter((f) => f.message.includes('服务暂不可用'))).toHaveLength(1);
      const stored = await t.db
        .selectFrom('processes')
        .select('id')
        .where(
          'id',
          'in',
          body.started.map((s) => s.id),
        )
        .execute();
      expect(stored).toHaveLength(body.started.length);
      const audit = await t.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'import.completed')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.detail).toMatchObject({ complete: false, started: body.started.length });
    } finally {
      workflows.start = original;
    }
  });

  it('a zip bomb is refused by the bytes it really inflates to, whatever sizes it declares', async () => {
    const { deflateRawSync } = await import('node:zlib');
    // One part of 40 MB of zeros (about 40 KB packed) that declares 100 bytes unpacked.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const data = deflateRawSync(Buffer.alloc(40 * 1024 * 1024));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(100, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(100, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(0, 42);
    const centralOffset = local.length + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(centralOffset, 16);
    const bomb = Buffer.concat([local, name, data, central, name, end]);
    expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
    const res = await upload(bomb);
    expect(res.status).toBe(400);
    const [field] = await fieldsOf(res);
    expect(field).toMatchObject({ field: 'file', messageEn: 'the workbook unpacks too large' });
  });

  it('a malformed multipart body is a 400 naming the file field', async () => {
    const res = await t.request(`${BASE}/import`, {
      method: 'POST',
      as: as['officer-01'],
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK',
    });
    expect(res.status).toBe(400);
    expect((await fieldsOf(res))[0].field).toBe('file');
  });

  it('the mentor column answers the same for an unknown ID, someone else’s ID and a non-mentor', async () => {
    const { validIdNumber } = await import('../../../test/support/id-numbers.js');
    const unknown = validIdNumber('1961-03-07', '997');
    const res = await upload(
      await workbook([
        [mentees[9].idNumber, mentees[9].name, unknown, mentors[0].name, null],
        [mentees[10].idNumber, mentees[10].name, mentees[13].idNumber, mentors[0].name, null],
        row(mentees[11], mentees[13]),
      ]),
    );
    expect(res.status).toBe(400);
    const fields = (await fieldsOf(res)).filter((f) => f.field.includes('导师'));
    expect(fields.map((f) => f.field)).toEqual(['第2行 导师身份证号', '第3行 导师身份证号', '第4行 导师身份证号']);
    expect(new Set(fields.map((f) => f.message)).size).toBe(1);
  });
});
