// Each role reading and writing inside and outside its organisational scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validIdNumber } from '../../test/support/id-numbers.js';
import { createTestApp, listQuery, type Session, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
let as: Record<string, Session>;
// Facts of the demo county, read from the database rather than assumed.
let township1Villages: number[];
let otherTownshipVillage: number;
let village1People: number[];
let otherVillagePerson: number;
let ownPersonId: number;

beforeAll(async () => {
  t = await createTestApp();
  as = {};
  for (const u of ['admin', 'auditor', 'officer-01', 'secretary-01', 'village-001', 'mentor-001', 'cadre-0001'])
    as[u] = await t.login(u);
  township1Villages = (await t.db.selectFrom('villages').select('id').where('township_id', '=', 1).execute()).map(
    (r) => r.id,
  );
  otherTownshipVillage = (
    await t.db.selectFrom('villages').select('id').where('township_id', '=', 2).executeTakeFirstOrThrow()
  ).id;
  const village1 = (
    await t.db.selectFrom('users').select('village_id').where('username', '=', 'village-001').executeTakeFirstOrThrow()
  ).village_id!;
  village1People = (await t.db.selectFrom('people').select('id').where('village_id', '=', village1).execute()).map(
    (r) => r.id,
  );
  otherVillagePerson = (
    await t.db
      .selectFrom('people')
      .select('id')
      .where('village_id', '!=', village1)
      .where('township_id', '=', 1)
      .executeTakeFirstOrThrow()
  ).id;
  ownPersonId = (
    await t.db.selectFrom('users').select('person_id').where('username', '=', 'cadre-0001').executeTakeFirstOrThrow()
  ).person_id!;
});
afterAll(() => t.close());

async function list(user: string, resource: string, filter: Record<string, unknown> = {}) {
  const res = await t.request(`/api/${resource}?${listQuery({ range: [0, 499], filter })}`, { as: as[user] });
  expect(res.status).toBe(200);
  const total = Number(res.headers.get('content-range')!.split('/')[1]);
  return { rows: (await res.json()) as { id: number; townshipId?: number; villageId?: number }[], total };
}

describe('reading inside and outside scope', () => {
  it('county admin and auditor see the whole county', async () => {
    for (const u of ['admin', 'auditor']) {
      expect((await list(u, 'townships')).total).toBe(28);
      expect((await list(u, 'villages')).total).toBe(413);
    }
  });

  it('a township officer and secretary see only their township, in lists and by id', async () => {
    for (const u of ['officer-01', 'secretary-01']) {
      const townships = await list(u, 'townships');
      expect(townships.rows.map((r) => r.id)).toEqual([1]);
      const villages = await list(u, 'villages');
      expect(villages.total).toBe(township1Villages.length);
      expect(new Set(villages.rows.map((r) => r.townshipId))).toEqual(new Set([1]));
      const cadres = await list(u, 'cadres', { townshipId: 2 });
      expect(cadres.total).toBe(0); // filtering for another township does not widen the scope
      expect((await t.request('/api/townships/2', { as: as[u] })).status).toBe(404);
      expect((await t.request(`/api/villages/${otherTownshipVillage}`, { as: as[u] })).status).toBe(404);
    }
  });

  it('a village Party secretary sees only their village and its people', async () => {
    const villages = await list('village-001', 'villages');
    expect(villages.total).toBe(1);
    const cadres = await list('village-001', 'cadres');
    expect(cadres.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...village1People].sort((a, b) => a - b));
    expect((await t.request(`/api/cadres/${otherVillagePerson}`, { as: as['village-001'] })).status).toBe(404);
  });

  it('a cadre and a mentor see only themselves', async () => {
    const own = await list('cadre-0001', 'cadres');
    expect(own.rows.map((r) => r.id)).toEqual([ownPersonId]);
    expect((await list('mentor-001', 'cadres')).total).toBe(1);
    expect((await t.request(`/api/cadres/${otherVillagePerson}`, { as: as['cadre-0001'] })).status).toBe(404);
    const users = await list('cadre-0001', 'users');
    expect(users.rows.map((r) => r.id)).toEqual([as['cadre-0001'].userId]);
  });

  it("staff see the accounts of their own unit (to hand tasks over), not the county's", async () => {
    const users = await list('officer-01', 'users', { role: 'township_secretary' });
    expect(users.rows.map((r) => r.townshipId)).toEqual([1]);
    const village = await list('village-001', 'users');
    expect(new Set(village.rows.map((r) => r.villageId))).toEqual(
      new Set([
        village1People.length
          ? (
              await t.db
                .selectFrom('users')
                .select('village_id')
                .where('username', '=', 'village-001')
                .executeTakeFirstOrThrow()
            ).village_id
          : -1,
      ]),
    );
  });

  it('the audit log is for the county admin and the auditor only', async () => {
    expect((await t.request('/api/audit-log', { as: as.auditor })).status).toBe(200);
    for (const u of ['officer-01', 'village-001', 'cadre-0001']) {
      const res = await t.request('/api/audit-log', { as: as[u] });
      expect(res.status).toBe(403);
    }
  });

  it('dashboard counts follow the scope', async () => {
    const county = await (await t.request('/api/stats', { as: as.admin })).json();
    expect(county).toMatchObject({
      townships: 28,
      newlyElected: 895,
      newSecretaries: 191,
      mentors: 421,
      reserves: 620,
    });
    expect(county.villages + county.communities).toBe(413);
    const township = await (await t.request('/api/stats', { as: as['officer-01'] })).json();
    expect(township.townships).toBe(1);
    expect(township.villages + township.communities).toBe(township1Villages.length);
  });
});

describe('writing inside and outside scope', () => {
  const newCadre = (villageId: number, idNumber: string) => ({
    name: '测试人',
    gender: 'female',
    birthDate: '1990-03-07',
    idNumber,
    phone: '13912345678',
    education: 'bachelor',
    partyMember: true,
    villageId,
  });

  it('a township officer creates a cadre in a village of the township', async () => {
    const res = await t.request('/api/cadres', {
      method: 'POST',
      as: as['officer-01'],
      body: JSON.stringify(newCadre(township1Villages[0], validIdNumber('1990-03-07', '002'))),
    });
    expect(res.status).toBe(201);
    expect((await res.json()).townshipId).toBe(1);
  });

  it('a township officer may not put a cadre into another township (403, nothing stored)', async () => {
    const res = await t.request('/api/cadres', {
      method: 'POST',
      as: as['officer-01'],
      body: JSON.stringify(newCadre(otherTownshipVillage, validIdNumber('1990-03-07', '004'))),
    });
    expect(res.status).toBe(403);
    expect(
      await t.db
        .selectFrom('people')
        .select('id')
        .where('id_number', '=', validIdNumber('1990-03-07', '004'))
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('a township officer cannot change a cadre outside the township (404: not visible)', async () => {
    const outside = (
      await t.db.selectFrom('people').select('id').where('township_id', '=', 2).executeTakeFirstOrThrow()
    ).id;
    const res = await t.request(`/api/cadres/${outside}`, {
      method: 'PUT',
      as: as['officer-01'],
      body: JSON.stringify({ name: '改名字' }),
    });
    expect(res.status).toBe(404);
    const row = await t.db.selectFrom('people').select('name').where('id', '=', outside).executeTakeFirstOrThrow();
    expect(row.name).not.toBe('改名字');
  });

  it('read-only roles get 403 on writes even inside their scope', async () => {
    for (const u of ['auditor', 'secretary-01', 'village-001', 'mentor-001', 'cadre-0001']) {
      const res = await t.request(`/api/cadres/${village1People[0]}`, {
        method: 'PUT',
        as: as[u],
        body: JSON.stringify({ name: '不该改' }),
      });
      expect(res.status, u).toBe(403);
      expect((await res.json()).code).toBe('forbidden');
    }
    const officerOnTownships = await t.request('/api/townships/1', {
      method: 'PUT',
      as: as['officer-01'],
      body: JSON.stringify({ name: '新名字' }),
    });
    expect(officerOnTownships.status).toBe(403);
    const row = await t.db
      .selectFrom('people')
      .select('name')
      .where('id', '=', village1People[0])
      .executeTakeFirstOrThrow();
    expect(row.name).not.toBe('不该改');
  });

  it('only the county admin manages accounts', async () => {
    const body = JSON.stringify({
      username: 'new-officer',
      password: 'long-enough-1',
      displayName: '新组织委员',
      role: 'township_officer',
      townshipId: 3,
    });
    expect((await t.request('/api/users', { method: 'POST', as: as['officer-01'], body })).status).toBe(403);
    const created = await t.request('/api/users', { method: 'POST', as: as.admin, body });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      username: 'new-officer',
      townshipId: 3,
      villageId: null,
      active: true,
    });
    const session = await t.login('new-officer', 'long-enough-1');
    expect((await list('admin', 'townships')).total).toBeGreaterThanOrEqual(28);
    const res = await t.request(`/api/townships?${listQuery({})}`, { as: session });
    expect((await res.json()).map((r: { id: number }) => r.id)).toEqual([3]);
  });
});
