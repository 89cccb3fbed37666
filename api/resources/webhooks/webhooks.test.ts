import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type Session, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let as: Record<string, Session>;
beforeAll(async () => {
  t = await createTestApp();
  as = {};
  for (const u of ['admin', 'auditor', 'officer-01', 'officer-02', 'cadre-0001']) as[u] = await t.login(u);
});
afterAll(() => t.close());

const create = (user: string, body: unknown) =>
  t.request('/api/webhooks', { method: 'POST', as: as[user], body: JSON.stringify(body) });

describe('group robots (群机器人)', () => {
  it('the county admin sets the county’s; a township officer only their own township’s', async () => {
    expect(
      (
        await create('admin', {
          townshipId: null,
          kind: 'dingtalk',
          url: 'https://oapi.dingtalk.com/robot/send?access_token=x',
          secret: 'SEC123',
        })
      ).status,
    ).toBe(201);
    const own = await create('officer-01', {
      townshipId: 1,
      kind: 'wecom',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
    });
    expect(own.status).toBe(201);
    expect(
      (
        await create('officer-01', {
          townshipId: 2,
          kind: 'wecom',
          url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=z',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await create('officer-01', {
          townshipId: null,
          kind: 'wecom',
          url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=z',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await create('cadre-0001', {
          townshipId: 1,
          kind: 'wecom',
          url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=z',
        })
      ).status,
    ).toBe(403);
  });

  it('never shows a secret, only whether one is set', async () => {
    const res = await t.request(`/api/webhooks?${listQuery({})}`, { as: as.admin });
    const rows = await res.json();
    expect(JSON.stringify(rows)).not.toContain('SEC123');
    expect(rows.find((r: { kind: string }) => r.kind === 'dingtalk').secretSet).toBe(true);
    expect(res.headers.get('content-range')).toBe(`webhooks 0-${rows.length - 1}/${rows.length}`);
  });

  it('shows the robot’s token whole only to those who may change the robot', async () => {
    const token = (rows: { url: string }[]) =>
      rows.map((r) => new URL(r.url).searchParams.get('access_token') ?? new URL(r.url).searchParams.get('key')).sort();
    expect(token(await (await t.request(`/api/webhooks?${listQuery({})}`, { as: as.admin })).json())).toEqual([
      'k',
      'x',
    ]);
    expect(token(await (await t.request(`/api/webhooks?${listQuery({})}`, { as: as.auditor })).json())).toEqual([
      'k****',
      'x****',
    ]);
  });

  it('each township sees only its own robots', async () => {
    const seen = await (await t.request(`/api/webhooks?${listQuery({})}`, { as: as['officer-02'] })).json();
    expect(seen).toEqual([]);
  });

  it('shows how each robot’s messages fare: waiting for another try, given up, the last error', async () => {
    const rows = await (await t.request(`/api/webhooks?${listQuery({})}`, { as: as['officer-01'] })).json();
    const robot = rows[0];
    expect(robot).toMatchObject({ pendingDeliveries: 0, failedDeliveries: 0, lastError: null });
    const payload = JSON.stringify({ kind: 'webhook', webhookId: robot.id, title: 't', body: 'b', absoluteLink: null });
    await t.db
      .insertInto('notification_deliveries')
      .values([
        {
          notification_key: 'k1',
          target: `webhook:${robot.id}`,
          channel: 'webhook',
          payload,
          status: 'failed',
          attempts: 12,
          last_error: 'WeCom errcode 93000: invalid webhook url',
        },
        {
          notification_key: 'k2',
          target: `webhook:${robot.id}`,
          channel: 'webhook',
          payload,
          status: 'pending',
          attempts: 1,
          last_error: 'WeCom errcode 45009: api freq out of limit',
        },
        {
          notification_key: 'k3',
          target: `webhook:${robot.id}`,
          channel: 'webhook',
          payload,
          status: 'sent',
          attempts: 2,
          last_error: null,
        },
      ])
      .execute();
    const shown = await (await t.request(`/api/webhooks/${robot.id}`, { as: as['officer-01'] })).json();
    expect(shown).toMatchObject({
      pendingDeliveries: 1,
      failedDeliveries: 1,
      lastError: 'WeCom errcode 45009: api freq out of limit',
    });
  });

  it('a robot address that is not http(s) is refused with its field', async () => {
    const res = await create('admin', { townshipId: 1, kind: 'dingtalk', url: 'ftp://example.cn/x' });
    expect(res.status).toBe(400);
    expect((await res.json()).fields[0].field).toBe('url');
  });

  it('a robot address outside the DingTalk and WeCom hosts is refused at save, with its field', async () => {
    for (const url of [
      'http://127.0.0.1:7233/',
      'http://localhost/x',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.5/hook',
      'http://[::1]/hook',
      'https://oapi.dingtalk.com.evil.cn/robot/send',
      'http://oapi.dingtalk.com/robot/send?access_token=x',
      'https://user:pw@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      'https://example.cn/hook',
    ]) {
      const res = await create('officer-01', { townshipId: 1, kind: 'wecom', url });
      expect(res.status, url).toBe(400);
      expect((await res.json()).fields[0].field).toBe('url');
    }
    const [robot] = await (await t.request(`/api/webhooks?${listQuery({})}`, { as: as['officer-01'] })).json();
    const res = await t.request(`/api/webhooks/${robot.id}`, {
      method: 'PUT',
      as: as['officer-01'],
      body: JSON.stringify({ url: 'http://127.0.0.1/' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).fields[0].field).toBe('url');
  });

  it('keeps the token out of the audit log when the address changes', async () => {
    const [robot] = await (await t.request(`/api/webhooks?${listQuery({})}`, { as: as['officer-01'] })).json();
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRETKEY123';
    expect(
      (
        await t.request(`/api/webhooks/${robot.id}`, {
          method: 'PUT',
          as: as['officer-01'],
          body: JSON.stringify({ url }),
        })
      ).status,
    ).toBe(200);
    const entries = await t.db.selectFrom('audit_log').select('detail').where('resource', '=', 'webhooks').execute();
    expect(JSON.stringify(entries)).not.toContain('SECRETKEY123');
    expect(JSON.stringify(entries)).toContain('key=SECR****');
  });
});
