import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validIdNumber } from '../../../test/support/id-numbers.js';
import { createTestApp, listQuery, type Session, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let villageSecretary: Session;
let cadre: Session;
let personInTownship1: { id: number; id_number: string; phone: string };

beforeAll(async () => {
  t = await createTestApp();
  [admin, officer, villageSecretary, cadre] = await Promise.all(
    ['admin', 'officer-01', 'village-001', 'cadre-0001'].map((u) => t.login(u)),
  );
  // Someone in village-001's village who is not that secretary: their own record is another rule.
  const secretary = await t.db
    .selectFrom('users')
    .select(['village_id', 'person_id'])
    .where('username', '=', 'village-001')
    .executeTakeFirstOrThrow();
  personInTownship1 = await t.db
    .selectFrom('people')
    .select(['id', 'id_number', 'phone'])
    .where('village_id', '=', secretary.village_id!)
    .where('id', '!=', secretary.person_id!)
    .orderBy('id')
    .executeTakeFirstOrThrow();
});
afterAll(() => t.close());

const piiReads = () =>
  t.db.selectFrom('audit_log').select(['username', 'record_id']).where('action', '=', 'pii.read').execute();

describe('personal data', () => {
  it('is masked in every list, for every role', async () => {
    for (const s of [admin, officer]) {
      const res = await t.request(`/api/cadres?${listQuery({ filter: { id: [personInTownship1.id] } })}`, { as: s });
      const [row] = await res.json();
      expect(row.idNumber).toBe(`****************${personInTownship1.id_number.slice(-2)}`);
      expect(row.phone).toBe(`${personInTownship1.phone.slice(0, 3)}****${personInTownship1.phone.slice(-4)}`);
      expect(row.piiMasked).toBe(true);
    }
    expect(await piiReads()).toEqual([]);
  });

  it('a list never shows what would fill in a masked ID number: no birth date, only the year', async () => {
    const birth = await t.db
      .selectFrom('people')
      .select('birth_date')
      .where('id', '=', personInTownship1.id)
      .executeTakeFirstOrThrow();
    for (const s of [admin, officer, villageSecretary]) {
      const res = await t.request(`/api/cadres?${listQuery({ filter: { id: [personInTownship1.id] } })}`, { as: s });
      const [row] = await res.json();
      expect(row.birthDate).toBeUndefined();
      expect(row.birthYear).toBe(Number(birth.birth_date.slice(0, 4)));
      // Nothing in the row holds the hidden middle: region code and birth date together.
      expect(JSON.stringify(row)).not.toContain(personInTownship1.id_number.slice(6, 14));
      expect(JSON.stringify(row)).not.toContain(personInTownship1.id_number.slice(0, 6));
    }
    // Ordering a county's list by birth date would narrow the hidden dates too.
    expect((await t.request(`/api/cadres?${listQuery({ sort: ['birthDate', 'ASC'] })}`, { as: admin })).status).toBe(
      400,
    );
  });

  it('is shown in full on the record to the county admin and the township officer, and each read is logged', async () => {
    for (const s of [admin, officer]) {
      const row = await (await t.request(`/api/cadres/${personInTownship1.id}`, { as: s })).json();
      expect(row.idNumber).toBe(personInTownship1.id_number);
      expect(row.phone).toBe(personInTownship1.phone);
      expect(row.piiMasked).toBe(false);
    }
    const reads = await piiReads();
    expect(reads).toEqual(
      expect.arrayContaining([
        { username: 'admin', record_id: String(personInTownship1.id) },
        { username: 'officer-01', record_id: String(personInTownship1.id) },
      ]),
    );
  });

  it('stays masked on the record for a village secretary, and nothing is logged for it', async () => {
    const before = (await piiReads()).length;
    const row = await (await t.request(`/api/cadres/${personInTownship1.id}`, { as: villageSecretary })).json();
    expect(row.piiMasked).toBe(true);
    expect(row.idNumber).not.toBe(personInTownship1.id_number);
    expect((await piiReads()).length).toBe(before);
  });

  it('a cadre sees their own in full (and that read is logged too)', async () => {
    const own =
      cadre.userId &&
      (await t.db.selectFrom('users').select('person_id').where('id', '=', cadre.userId).executeTakeFirstOrThrow())
        .person_id!;
    const row = await (await t.request(`/api/cadres/${own}`, { as: cadre })).json();
    expect(row.piiMasked).toBe(false);
    expect((await piiReads()).some((r) => r.username === 'cadre-0001')).toBe(true);
  });

  it('never goes into the audit log itself when a record is written', async () => {
    const idNumber = validIdNumber('1992-08-15', '013');
    const res = await t.request('/api/cadres', {
      method: 'POST',
      as: officer,
      body: JSON.stringify({
        name: '李晓明',
        gender: 'male',
        birthDate: '1992-08-15',
        idNumber,
        phone: '15907361234',
        education: 'college',
        partyMember: false,
        villageId: 1,
      }),
    });
    expect(res.status).toBe(201);
    const entries = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'record.created')
      .where('resource', '=', 'cadres')
      .execute();
    expect(JSON.stringify(entries)).not.toContain(idNumber);
    expect(JSON.stringify(entries)).not.toContain('15907361234');
  });
});

describe('lists', () => {
  it('filter, sort and page together, with the total in Content-Range', async () => {
    const res = await t.request(
      `/api/cadres?${listQuery({ filter: { townshipId: 1, newlyElected: true }, sort: ['birthYear', 'DESC'], range: [0, 9] })}`,
      { as: admin },
    );
    expect(res.status).toBe(200);
    const rows = await res.json();
    const total = await t.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('township_id', '=', 1)
      .where('newly_elected', '=', true)
      .executeTakeFirstOrThrow();
    expect(res.headers.get('content-range')).toBe(`cadres 0-${Math.min(9, total.n - 1)}/${total.n}`);
    expect(rows.every((r: { townshipId: number; newlyElected: boolean }) => r.townshipId === 1 && r.newlyElected)).toBe(
      true,
    );
    const years = rows.map((r: { birthYear: number }) => r.birthYear);
    expect(years).toEqual([...years].sort().reverse());
  });

  it('search by name and page two follow on from page one without overlap', async () => {
    const surname = (
      await t.db.selectFrom('people').select('name').where('id', '=', 1).executeTakeFirstOrThrow()
    ).name.slice(0, 1);
    const page = (range: [number, number]) =>
      t.request(`/api/cadres?${listQuery({ filter: { q: surname }, sort: ['name', 'ASC'], range })}`, { as: admin });
    const first = await (await page([0, 4])).json();
    const second = await (await page([5, 9])).json();
    expect(first.length).toBe(5);
    expect(first.every((r: { name: string }) => r.name.includes(surname))).toBe(true);
    const ids = new Set([...first, ...second].map((r: { id: number }) => r.id));
    expect(ids.size).toBe(first.length + second.length);
  });

  it("answer react-admin's getMany (ids, no range) with every id asked for", async () => {
    const ids = (
      await t.db.selectFrom('people').select('id').where('township_id', '=', 1).orderBy('id').limit(40).execute()
    ).map((r) => r.id);
    const res = await t.request(`/api/cadres?${listQuery({ filter: { id: ids } })}`, { as: admin });
    expect((await res.json()).map((r: { id: number }) => r.id).sort((a: number, b: number) => a - b)).toEqual(ids);
  });

  it('sort Chinese names in pinyin order, not by character code', async () => {
    const res = await t.request(
      `/api/cadres?${listQuery({ filter: { townshipId: 1 }, sort: ['name', 'ASC'], range: [0, 99] })}`,
      { as: admin },
    );
    const names: string[] = (await res.json()).map((r: { name: string }) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh').compare));
    expect(names).not.toEqual([...names].sort()); // code-point order would differ on a hundred names
  });

  it('show positions with their terms', async () => {
    const row = await (await t.request(`/api/cadres/${personInTownship1.id}`, { as: admin })).json();
    expect(row.positions.length).toBeGreaterThan(0);
    expect(row.positions[0]).toMatchObject({ termStart: '2021-04-01', termEnd: '2026-03-31' });
  });

  it('editing positions replaces them in one step', async () => {
    const positions = [
      { committee: 'villagers_committee', title: 'member', termStart: '2021-04-01', termEnd: '2026-03-31' },
    ];
    const res = await t.request(`/api/cadres/${personInTownship1.id}`, {
      method: 'PUT',
      as: officer,
      body: JSON.stringify({ positions }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).positions).toEqual(positions);
  });

  it('the birth date must agree with the ID number', async () => {
    const res = await t.request(`/api/cadres/${personInTownship1.id}`, {
      method: 'PUT',
      as: officer,
      body: JSON.stringify({ birthDate: '1900-01-01' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).fields[0].field).toBe('birthDate');
  });

  it('the gender must agree with the ID number (odd sequence: male)', async () => {
    const res = await t.request('/api/cadres', {
      method: 'POST',
      as: officer,
      body: JSON.stringify({
        name: '王芳',
        gender: 'female',
        birthDate: '1993-02-01',
        idNumber: validIdNumber('1993-02-01', '011'),
        phone: '15907360000',
        education: 'college',
        partyMember: false,
        villageId: 1,
      }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).fields.map((f: { field: string }) => f.field)).toEqual(['gender']);
  });
});
