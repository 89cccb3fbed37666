import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_USERNAME } from './rate-limit.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    t.request('/api/auth/login', { method: 'POST', body: JSON.stringify(body), headers });

  it('signs in with a cookie session: HttpOnly, SameSite, and a readable CSRF cookie', async () => {
    const res = await post({ username: 'officer-01', password: 'demo' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ username: 'officer-01', role: 'township_officer', townshipId: 1 });
    expect(body.token).toBeUndefined();
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('qinglan_session='))!;
    const csrf = cookies.find((c) => c.startsWith('qinglan_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toContain(body.csrfToken);
  });

  it('answers the same generic 401 for a wrong password and an unknown user, and logs both', async () => {
    const wrong = await post({ username: 'officer-02', password: 'nope' });
    const unknown = await post({ username: 'nobody-here', password: 'demo' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await wrong.json();
    const b = await unknown.json();
    expect(a.message).toBe('用户名或密码错误');
    expect({ ...a, requestId: undefined }).toEqual({ ...b, requestId: undefined });
    const logged = await t.db.selectFrom('audit_log').select('username').where('action', '=', 'login.failed').execute();
    expect(logged.map((r) => r.username)).toEqual(expect.arrayContaining(['officer-02', 'nobody-here']));
  });

  /** A request over a socket from `address`, as @hono/node-server hands it to the app. */
  const postFrom = (address: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.request(
      '/api/auth/login',
      { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } },
      { incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } } },
    );

  it('makes a guesser wait, doubling, without locking the owner out from elsewhere', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) {
      expect((await postFrom('198.51.100.7', { username: 'officer-03', password: 'wrong' })).status).toBe(401);
    }
    const res = await postFrom('198.51.100.7', { username: 'officer-03', password: 'demo' });
    expect(res.status).toBe(429);
    expect((await res.json()).code).toBe('rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The owner, from their own address, still gets in: five wrong passwords lock nobody out.
    expect((await postFrom('198.51.100.8', { username: 'officer-03', password: 'demo' })).status).toBe(200);
    // Other users are not affected.
    expect((await postFrom('198.51.100.7', { username: 'officer-04', password: 'demo' })).status).toBe(200);
  });

  it('the wait doubles with each further failure', async () => {
    const { backoffSeconds, LIMITS } = await import('./rate-limit.js');
    const limit = LIMITS.accountFromAddress;
    expect([4, 5, 6, 7].map((n) => backoffSeconds(limit, n))).toEqual([0, 2, 4, 8]);
    expect(backoffSeconds(limit, 100)).toBe(limit.maxWaitSeconds);
  });

  it('ignores X-Forwarded-For and X-Real-IP unless they come from a trusted proxy', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) {
      const spoofed = { 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `203.0.113.${i}` };
      expect((await postFrom('198.51.100.9', { username: 'officer-05', password: 'wrong' }, spoofed)).status).toBe(401);
    }
    expect(
      (
        await postFrom(
          '198.51.100.9',
          { username: 'officer-05', password: 'demo' },
          { 'x-forwarded-for': '203.0.113.99' },
        )
      ).status,
    ).toBe(429);
    const ips = await t.db
      .selectFrom('audit_log')
      .select('ip')
      .where('username', '=', 'officer-05')
      .where('action', '=', 'login.failed')
      .execute();
    expect(new Set(ips.map((r) => r.ip))).toEqual(new Set(['198.51.100.9']));

    process.env.QINGLAN_TRUSTED_PROXIES = '198.51.100.0/30';
    try {
      expect(
        (
          await postFrom(
            '198.51.100.1',
            { username: 'officer-06', password: 'wrong' },
            { 'x-forwarded-for': '203.0.113.50, 198.51.100.2' },
          )
        ).status,
      ).toBe(401);
    } finally {
      delete process.env.QINGLAN_TRUSTED_PROXIES;
    }
    const proxied = await t.db
      .selectFrom('audit_log')
      .select('ip')
      .where('username', '=', 'officer-06')
      .executeTakeFirstOrThrow();
    expect(proxied.ip).toBe('203.0.113.50');
  });

  it('reports /me for the session and 401 without one', async () => {
    const s = await t.login('village-001');
    const me = await t.request('/api/auth/me', { as: s });
    expect(me.status).toBe(200);
    expect((await me.json()).user).toMatchObject({ username: 'village-001', role: 'village_secretary' });
    const anonymous = await t.request('/api/auth/me');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).code).toBe('unauthenticated');
  });

  it('refuses a cookie-authenticated write without the CSRF header, and accepts it with the header', async () => {
    const s = await t.login('admin');
    const body = JSON.stringify({ code: '430725901', name: '测试乡', kind: 'township' });
    const refused = await t.request('/api/townships', {
      method: 'POST',
      body,
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('csrf_failed');
    expect(
      await t.db.selectFrom('townships').select('id').where('code', '=', '430725901').executeTakeFirst(),
    ).toBeUndefined();
    const accepted = await t.request('/api/townships', { method: 'POST', body, as: s });
    expect(accepted.status).toBe(201);
  });

  it('gives scripts a bearer token that needs no CSRF header', async () => {
    const res = await post({ username: 'admin', password: 'demo', mode: 'bearer' });
    const { token } = await res.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.headers.getSetCookie()).toEqual([]);
    const created = await t.request('/api/townships', {
      method: 'POST',
      body: JSON.stringify({ code: '430725902', name: '脚本乡', kind: 'township' }),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(created.status).toBe(201);
  });

  it('ends the session on logout', async () => {
    const s = await t.login('secretary-01');
    expect((await t.request('/api/auth/logout', { method: 'POST', as: s })).status).toBe(204);
    expect((await t.request('/api/auth/me', { as: s })).status).toBe(401);
  });

  it('stores sessions by hash, never the token itself', async () => {
    const s = await t.login('auditor');
    const token = s.cookie.match(/qinglan_session=([^;]+)/)![1];
    const stored = await t.db.selectFrom('sessions').select('id').execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((r) => r.id)).not.toContain(token);
  });
});
