import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RESERVE_POOL_SETTINGS } from '../../../domain/reserve-pool-settings.js';
import { currentReservePoolSettings, reservePoolSettingsAt } from '../../../domain/reserve-pool-settings-store.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let villageSecretary: Session;

beforeAll(async () => {
  t = await createTestApp();
  [admin, officer, villageSecretary] = await Promise.all(['admin', 'officer-01', 'village-001'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const put = (as: Session, body: unknown) =>
  t.request('/api/county-settings/reserve-pool', { method: 'PUT', as, body: JSON.stringify(body) });

describe('reserve pool settings', () => {
  it('are the defaults (version 0) until the county changes them, readable by everyone signed in', async () => {
    for (const s of [admin, officer, villageSecretary]) {
      const res = await t.request('/api/county-settings/reserve-pool', { as: s });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ version: 0, settings: DEFAULT_RESERVE_POOL_SETTINGS, changedAt: null });
    }
  });

  it('only the county admin changes them', async () => {
    const body = { settings: DEFAULT_RESERVE_POOL_SETTINGS, baseVersion: 0 };
    for (const s of [officer, villageSecretary]) expect((await put(s, body)).status).toBe(403);
  });

  it('refuses bad values naming the field, in Chinese and English', async () => {
    const res = await put(admin, {
      settings: { ...DEFAULT_RESERVE_POOL_SETTINGS, examWeights: { written: 70, interview: 40 } },
      baseVersion: 0,
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fields).toEqual([
      {
        field: 'settings.examWeights',
        message: '笔试与面试权重之和须为 100',
        messageEn: 'written and interview weights must add up to 100',
      },
    ]);
  });

  it('each change is a new version; the old ones stay readable, and the change is audited', async () => {
    const before = new Date();
    const first = await put(admin, {
      settings: { ...DEFAULT_RESERVE_POOL_SETTINGS, targetPerVillage: 3 },
      reason: '县委组织部 2026 年新规',
      baseVersion: 0,
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      version: 1,
      settings: { targetPerVillage: 3 },
      changedByName: expect.any(String),
    });
    const second = await put(admin, { settings: { ...DEFAULT_RESERVE_POOL_SETTINGS, ageLimit: 38 }, baseVersion: 1 });
    expect((await second.json()).version).toBe(2);

    const history = await (await t.request('/api/county-settings/reserve-pool/versions', { as: officer })).json();
    expect(history.map((v: { version: number }) => v.version)).toEqual([2, 1, 0]);
    expect(history[1]).toMatchObject({ reason: '县委组织部 2026 年新规', settings: { targetPerVillage: 3 } });

    expect((await currentReservePoolSettings(t.db)).ageLimit).toBe(38);
    expect(await reservePoolSettingsAt(t.db, new Date(before.getTime() - 1000))).toEqual(DEFAULT_RESERVE_POOL_SETTINGS);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('resource', '=', 'county-settings')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'record.updated', record_id: 'reserve_pool@1' },
      { action: 'record.updated', record_id: 'reserve_pool@2' },
    ]);
  });

  it('a change made from an outdated version is refused (409), not silently overwriting', async () => {
    const res = await put(admin, { settings: DEFAULT_RESERVE_POOL_SETTINGS, baseVersion: 1 });
    expect(res.status).toBe(409);
    expect((await res.json()).fields[0].field).toBe('baseVersion');
  });
});

describe('villages marked for the relaxed age limit', () => {
  it('the county admin marks a village; the list shows the mark', async () => {
    const village = await t.db.selectFrom('villages').select('id').orderBy('id').executeTakeFirstOrThrow();
    const res = await t.request(`/api/villages/${village.id}`, {
      method: 'PUT',
      as: admin,
      body: JSON.stringify({ relaxedAgeLimit: true }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).relaxedAgeLimit).toBe(true);
    const row = await t.db
      .selectFrom('villages')
      .select('relaxed_age_limit')
      .where('id', '=', village.id)
      .executeTakeFirstOrThrow();
    expect(row.relaxed_age_limit).toBe(true);
    expect(
      (
        await t.request(`/api/villages/${village.id}`, {
          method: 'PUT',
          as: officer,
          body: JSON.stringify({ relaxedAgeLimit: false }),
        })
      ).status,
    ).toBe(403);
  });
});
