// Bad input answers a clear 4xx in the one error shape, and changes nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type Session, type TestApp } from '../test/support/test-app.js';

let t: TestApp;
let admin: Session;
let snapshot: () => Promise<string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  // What must not change: every row of the organisation tables.
  snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        t.db.selectFrom('townships').selectAll().orderBy('id').execute(),
        t.db.selectFrom('villages').selectAll().orderBy('id').execute(),
        t.db.selectFrom('people').selectAll().orderBy('id').execute(),
        t.db.selectFrom('positions').selectAll().orderBy('id').execute(),
        t.db.selectFrom('users').select(['id', 'username', 'role', 'active']).orderBy('id').execute(),
      ]),
    );
});
afterAll(() => t.close());

async function expectError(res: Response, status: number, code: string, field?: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body).toMatchObject({ status, code });
  expect(body.message).toMatch(/[\u4e00-\u9fff]/); // Chinese for the clerk
  expect(body.messageEn).toBeTruthy();
  expect(body.requestId).toBeTruthy();
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|node_modules/); // no stack traces
  if (field) expect(body.fields.map((f: { field: string }) => f.field)).toContain(field);
  return body;
}

describe('bad input', () => {
  it('malformed JSON', async () => {
    const before = await snapshot();
    const res = await t.request('/api/townships', {
      method: 'POST',
      as: admin,
      body: '{"code": "430725999", "name": ',
    });
    await expectError(res, 400, 'malformed_json');
    expect(await snapshot()).toBe(before);
  });

  it('wrong types name each field', async () => {
    const before = await snapshot();
    const res = await t.request('/api/cadres', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({
        name: 42,
        gender: 'x',
        birthDate: '1990-13-45',
        idNumber: '123',
        phone: 'abc',
        education: 'phd',
        partyMember: 'yes',
        villageId: '1',
      }),
    });
    const body = await expectError(res, 400, 'validation_failed');
    const fields = body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'name',
        'gender',
        'birthDate',
        'idNumber',
        'phone',
        'education',
        'partyMember',
        'villageId',
      ]),
    );
    expect(body.fields.find((f: { field: string }) => f.field === 'idNumber').message).toContain('身份证号');
    expect(await snapshot()).toBe(before);
  });

  it('unknown fields in a body are refused, not ignored', async () => {
    const res = await t.request('/api/townships/1', {
      method: 'PUT',
      as: admin,
      body: JSON.stringify({ name: '新名', secret: 1 }),
    });
    await expectError(res, 400, 'validation_failed', 'secret');
    expect(
      (await t.db.selectFrom('townships').select('name').where('id', '=', 1).executeTakeFirstOrThrow()).name,
    ).not.toBe('新名');
  });

  it('unknown filters, bad sorts and malformed list parameters', async () => {
    await expectError(
      await t.request(`/api/cadres?${listQuery({ filter: { salary: 1 } })}`, { as: admin }),
      400,
      'validation_failed',
      'filter.salary',
    );
    await expectError(
      await t.request(`/api/cadres?${listQuery({ sort: ['password_hash', 'ASC'] })}`, { as: admin }),
      400,
      'validation_failed',
      'sort',
    );
    await expectError(
      await t.request(`/api/cadres?${listQuery({ filter: { townshipId: 'one' } })}`, { as: admin }),
      400,
      'validation_failed',
      'filter.townshipId',
    );
    await expectError(await t.request('/api/cadres?range=[0', { as: admin }), 400, 'validation_failed', 'range');
    await expectError(await t.request('/api/cadres?range=[10,2]', { as: admin }), 400, 'validation_failed', 'range');
    await expectError(await t.request('/api/cadres/abc', { as: admin }), 400, 'validation_failed', 'id');
  });

  it('huge pages are refused', async () => {
    const body = await expectError(
      await t.request(`/api/cadres?${listQuery({ range: [0, 99_999] })}`, { as: admin }),
      400,
      'validation_failed',
      'range',
    );
    expect(body.fields[0].message).toContain('500');
    const ok = await t.request(`/api/cadres?${listQuery({ range: [0, 499] })}`, { as: admin });
    expect(ok.status).toBe(200);
    expect((await ok.json()).length).toBe(500);
  });

  it('SQL-looking strings are only text', async () => {
    const before = await snapshot();
    const evil = "'; drop table people; --";
    const res = await t.request(`/api/cadres?${listQuery({ filter: { q: evil } })}`, { as: admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    const wildcard = await t.request(`/api/cadres?${listQuery({ filter: { q: '%' } })}`, { as: admin });
    expect(res.headers.get('content-range')).toMatch(/\/0$/);
    expect(wildcard.headers.get('content-range')).toMatch(/\/0$/); // % is a letter, not "everything"
    const created = await t.request('/api/townships', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ code: '430725777', name: "乡'); delete from users;--", kind: 'township' }),
    });
    expect(created.status).toBe(201);
    expect((await created.json()).name).toBe("乡'); delete from users;--");
    expect(before.length).toBeLessThan((await snapshot()).length); // the township was added, nothing removed
    expect(
      await t.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 3107 });
  });

  it('a NUL character PostgreSQL cannot store is a 400, and nothing is stored', async () => {
    const before = await snapshot();
    const [secretary, officer] = await Promise.all(
      ['secretary-01', 'officer-01'].map((u) =>
        t.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow(),
      ),
    );
    const res = await t.request('/api/delegations', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({
        userId: secretary.id,
        delegateUserId: officer.id,
        startsOn: '2027-01-04',
        endsOn: '2027-01-08',
        reason: '外出\u0000学习',
      }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('validation_failed');
    expect(await snapshot()).toBe(before);
  });

  it('a 2 MB body is refused with 413 before it is read', async () => {
    const before = await snapshot();
    const res = await t.request('/api/townships', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ code: '430725888', name: 'x'.repeat(2 * 1024 * 1024), kind: 'township' }),
    });
    await expectError(res, 413, 'payload_too_large');
    expect(await snapshot()).toBe(before);
  });

  it('a duplicate code is a 409 naming the field, and the first record stays', async () => {
    const before = await snapshot();
    const existing = await t.db
      .selectFrom('townships')
      .select(['code', 'name'])
      .where('id', '=', 2)
      .executeTakeFirstOrThrow();
    const res = await t.request('/api/townships', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ code: existing.code, name: '重复乡', kind: 'township' }),
    });
    await expectError(res, 409, 'conflict', 'code');
    expect(await snapshot()).toBe(before);
  });

  it('a cadre whose positions are invalid is not stored at all', async () => {
    const before = await snapshot();
    const res = await t.request('/api/cadres', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({
        name: '半条记录',
        gender: 'male',
        birthDate: '1985-01-01',
        idNumber: '430725198501010011',
        phone: '13800000000',
        education: 'college',
        partyMember: true,
        villageId: 1,
        positions: [{ committee: 'party_branch', title: 'member', termStart: '2021-04-01', termEnd: '2020-01-01' }],
      }),
    });
    expect(res.status).toBe(400);
    expect(await snapshot()).toBe(before);
  });

  it('unknown API paths are a 404 in the same shape', async () => {
    await expectError(await t.request('/api/nothing-here', { as: admin }), 404, 'not_found');
  });

  it('integers past PostgreSQL’s int range are a 400 naming the field, not a 500', async () => {
    const big = 2 ** 31;
    const fieldsOf = async (res: Response) => {
      expect(res.status).toBe(400);
      return (await res.json()).fields.map((f: { field: string }) => f.field).join(' ');
    };
    expect(await fieldsOf(await t.request(`/api/cadres/${big}`, { as: admin }))).toContain('id');
    expect(await fieldsOf(await t.request(`/api/tasks/${big}`, { as: admin }))).toContain('id');
    for (const [path, filter] of [
      ['/api/cadres', { id: [big] }],
      ['/api/cadres', { townshipId: big }],
      ['/api/processes', { subjectPersonId: big }],
      ['/api/processes', { waitingOnUserId: big }],
      ['/api/processes', { townshipId: big }],
    ] as const) {
      const field = Object.keys(filter)[0];
      expect(
        await fieldsOf(await t.request(`${path}?${listQuery({ filter })}`, { as: admin })),
        `${path} ${field}`,
      ).toContain(field);
    }
    const task = await t.db.selectFrom('tasks').select('id').limit(1).executeTakeFirst();
    if (task) {
      const res = await t.request(`/api/tasks/${task.id}/actions`, {
        method: 'POST',
        as: admin,
        body: JSON.stringify({ action: 'cc', userIds: [big] }),
      });
      expect(await fieldsOf(res)).toContain('userIds');
    }
    const reassign = await t.request('/api/processes/mentor-pairing/x/reassign-mentor', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ mentorPersonId: big, reason: 'r' }),
    });
    expect(reassign.status).toBe(400);
  });

  it('a NUL byte in a string filter, a name or the sign-in user name is a 400 naming the field', async () => {
    for (const [path, filter] of [
      ['/api/cadres', { q: 'a\u0000b' }],
      ['/api/processes', { type: 'x\u0000' }],
      ['/api/tasks', { processId: 'x\u0000' }],
    ] as const) {
      const res = await t.request(`${path}?${listQuery({ filter })}`, { as: admin });
      expect(res.status, path).toBe(400);
    }
    const login = await t.request('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'admin\u0000', password: 'x' }),
    });
    await expectError(login, 400, 'validation_failed', 'username');
    const before = await snapshot();
    const township = await t.request('/api/townships', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ name: '新\u0007镇', code: '430725999' }),
    });
    expect(township.status).toBe(400);
    expect((await township.json()).fields.map((f: { field: string }) => f.field)).toContain('name');
    expect(await snapshot()).toBe(before);
  });

  it('deleting a township a user account still belongs to is a 409 naming what holds it; nothing is deleted', async () => {
    const created = await t.request('/api/townships', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({ name: '删除测试镇', code: '430725998', kind: 'township' }),
    });
    expect(created.status).toBe(201);
    const township = (await created.json()) as { id: number };
    const user = await t.request('/api/users', {
      method: 'POST',
      as: admin,
      body: JSON.stringify({
        username: 'delete-test-officer',
        displayName: '删除测试',
        password: 'a-long-password-1',
        role: 'township_officer',
        townshipId: township.id,
      }),
    });
    expect(user.status).toBe(201);
    const before = await snapshot();
    const res = await t.request(`/api/townships/${township.id}`, { method: 'DELETE', as: admin });
    const body = await expectError(res, 409, 'conflict', 'id');
    expect(body.fields[0].message).toContain('用户账号');
    expect(await snapshot()).toBe(before);
  });
});
