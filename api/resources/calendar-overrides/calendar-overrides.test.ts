import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type Session, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let admin: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  [admin, officer] = await Promise.all(['admin', 'officer-01'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const post = (as: Session, body: unknown) =>
  t.request('/api/calendar-overrides', { method: 'POST', as, body: JSON.stringify(body) });
const stored = (day: string) =>
  t.db.selectFrom('calendar_overrides').selectAll().where('day', '=', day).executeTakeFirst();
const fieldsOf = async (res: Response) =>
  ((await res.json()) as { fields?: { field: string }[] }).fields?.map((f) => f.field);

describe('calendar overrides', () => {
  it('the county admin declares a day; the write is audited', async () => {
    const res = await post(admin, { day: '2027-02-06', kind: 'holiday', name: '春节' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: '2027-02-06', day: '2027-02-06', kind: 'holiday', name: '春节' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['username', 'record_id'])
      .where('resource', '=', 'calendar-overrides')
      .execute();
    expect(audit).toEqual([{ username: 'admin', record_id: '2027-02-06' }]);
  });

  it('says which years the bundled calendar knows, so the county knows what to enter', async () => {
    const res = await t.request('/api/calendar-overrides/bundled-years', { as: officer });
    expect(res.status).toBe(200);
    const years = await res.json();
    expect(years.first).toBe(2004);
    expect(years.last).toBeGreaterThanOrEqual(2026);
    expect(years.last).toBeLessThan(2100);
  });

  it('a township officer may read but not write (403, nothing stored)', async () => {
    expect((await t.request('/api/calendar-overrides', { as: officer })).status).toBe(200);
    const res = await post(officer, { day: '2027-02-07', kind: 'workday', name: '补班' });
    expect(res.status).toBe(403);
    expect(await stored('2027-02-07')).toBeUndefined();
    const put = await t.request('/api/calendar-overrides/2027-02-06', {
      method: 'PUT',
      as: officer,
      body: JSON.stringify({ name: '改' }),
    });
    expect(put.status).toBe(403);
    expect((await t.request('/api/calendar-overrides/2027-02-06', { method: 'DELETE', as: officer })).status).toBe(403);
  });

  it('a day already declared is a 409 naming `day`', async () => {
    await post(admin, { day: '2027-01-01', kind: 'holiday', name: '元旦' });
    const res = await post(admin, { day: '2027-01-01', kind: 'workday', name: '重复' });
    expect(res.status).toBe(409);
    expect(await fieldsOf(res)).toEqual(['day']);
    expect((await stored('2027-01-01'))?.name).toBe('元旦');
  });

  it('a date that does not exist is a 400 naming `day`', async () => {
    for (const day of ['2027-02-30', '2027-2-3', '明天']) {
      const res = await post(admin, { day, kind: 'holiday', name: '错' });
      expect(res.status, day).toBe(400);
      expect(await fieldsOf(res)).toEqual(['day']);
    }
    const kind = await post(admin, { day: '2027-03-01', kind: 'weekend', name: '错' });
    expect(await fieldsOf(kind)).toEqual(['kind']);
    expect((await t.request('/api/calendar-overrides/2027-13-01', { as: admin })).status).toBe(400);
  });

  it('enters a run of days at once, all or none', async () => {
    const res = await post(admin, { day: '2028-01-26', until: '2028-02-01', kind: 'holiday', name: '春节' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: '2028-01-26', name: '春节' });
    const run = await t.db
      .selectFrom('calendar_overrides')
      .select('day')
      .where('name', '=', '春节')
      .where('day', '>=', '2028-01-01')
      .orderBy('day')
      .execute();
    expect(run.map((r) => r.day)).toEqual([
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-01-29',
      '2028-01-30',
      '2028-01-31',
      '2028-02-01',
    ]);
    // One day of the run already taken: 409 naming it, and nothing of the run written.
    const clash = await post(admin, { day: '2028-01-20', until: '2028-01-27', kind: 'holiday', name: '重复' });
    expect(clash.status).toBe(409);
    const body = await clash.json();
    expect(body.fields).toEqual([
      expect.objectContaining({ field: 'day', message: expect.stringContaining('2028-01-26') }),
    ]);
    expect(await t.db.selectFrom('calendar_overrides').select('day').where('name', '=', '重复').execute()).toEqual([]);
    for (const [until, why] of [
      ['2028-01-01', 'backwards'],
      ['2028-03-31', 'too long'],
    ]) {
      const bad = await post(admin, { day: '2028-03-01', until, kind: 'holiday', name: '错' });
      expect(bad.status, why).toBe(400);
      expect(await fieldsOf(bad), why).toEqual(['until']);
    }
    await t.db.deleteFrom('calendar_overrides').where('day', '>=', '2028-01-01').execute();
  });

  it('lists by year and kind, sorted by day', async () => {
    for (const [day, kind] of [
      ['2026-10-09', 'workday'],
      ['2027-02-08', 'workday'],
      ['2027-02-05', 'holiday'],
    ] as const) {
      expect((await post(admin, { day, kind, name: '测试' })).status).toBe(201);
    }
    const list = async (filter: Record<string, unknown>, sort?: [string, string]) => {
      const res = await t.request(`/api/calendar-overrides?${listQuery({ filter, sort })}`, { as: officer });
      expect(res.status).toBe(200);
      return {
        days: ((await res.json()) as { id: string }[]).map((r) => r.id),
        range: res.headers.get('content-range'),
      };
    };
    expect(await list({ year: 2027 })).toEqual({
      days: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-08'],
      range: 'calendar-overrides 0-3/4',
    });
    expect((await list({ year: 2027, kind: 'workday' })).days).toEqual(['2027-02-08']);
    expect((await list({ year: 2026 })).days).toEqual(['2026-10-09']);
    expect((await list({ year: 2027 }, ['day', 'DESC'])).days[0]).toBe('2027-02-08');
    expect((await list({ id: ['2027-02-05', '2026-10-09'] })).days).toEqual(['2026-10-09', '2027-02-05']);
    const bad = await t.request(`/api/calendar-overrides?${listQuery({ filter: { year: 'next' } })}`, { as: admin });
    expect(bad.status).toBe(400);
  });

  it('shows, updates and deletes by day', async () => {
    expect(await (await t.request('/api/calendar-overrides/2027-02-05', { as: officer })).json()).toMatchObject({
      kind: 'holiday',
    });
    expect((await t.request('/api/calendar-overrides/2030-01-01', { as: admin })).status).toBe(404);

    // react-admin sends the whole record back.
    const whole = { id: '2027-02-05', day: '2027-02-05', kind: 'holiday', name: '春节（除夕）' };
    const put = await t.request('/api/calendar-overrides/2027-02-05', {
      method: 'PUT',
      as: admin,
      body: JSON.stringify(whole),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(whole);
    const moved = await t.request('/api/calendar-overrides/2027-02-05', {
      method: 'PUT',
      as: admin,
      body: JSON.stringify({ day: '2027-02-04' }),
    });
    expect(moved.status).toBe(400);
    expect(await fieldsOf(moved)).toEqual(['day']);

    const del = await t.request('/api/calendar-overrides/2027-02-05', { method: 'DELETE', as: admin });
    expect(del.status).toBe(200);
    expect(await stored('2027-02-05')).toBeUndefined();
    expect((await t.request('/api/calendar-overrides/2027-02-05', { method: 'DELETE', as: admin })).status).toBe(404);
    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', '2027-02-05')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['record.created', 'record.updated', 'record.deleted']);
  });
});
