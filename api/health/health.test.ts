import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { createApp } from '../app.js';
import { createDatabase } from '../../db/database.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { freePort } from '../../test/support/free-port.js';
import { createTimeSkippingEnvironment } from '../../test/support/time-skipping.js';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 with the database and Temporal both reachable', async () => {
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.database).toEqual({ reachable: true });
    // Which part is up or down, and nothing about where it runs: the caller may be anyone.
    expect(body.temporal).toEqual({ reachable: true });
  });

  it('says whether a worker polls the task queue: not without one, then yes once one runs', async () => {
    const body = await (await t.request('/api/health')).json();
    expect(body.worker).toEqual({ polling: false });
    const withWorker = await createTestApp({ worker: true });
    try {
      await vi.waitFor(
        async () => {
          const res = await withWorker.request('/api/health');
          expect(res.status).toBe(200);
          expect((await res.json()).worker).toEqual({ polling: true });
        },
        { timeout: 60_000, interval: 250 },
      );
    } finally {
      await withWorker.close();
    }
  });

  it('does not call the worker down where Temporal cannot tell (the time-skipping test server)', async () => {
    const env = await createTimeSkippingEnvironment();
    const skipping = await createTestApp({ worker: true, temporalAddress: env.address });
    try {
      const res = await skipping.request('/api/health');
      expect(res.status).toBe(200);
      expect((await res.json()).worker).toEqual({ polling: null });
    } finally {
      await skipping.close();
      await env.teardown();
    }
  });

  it('answers 503 naming Temporal when nothing listens at its address', async () => {
    const deadAddress = `127.0.0.1:${await freePort()}`;
    const broken = await createTestApp({ temporalAddress: deadAddress });
    try {
      const res = await broken.request('/api/health');
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.status).toBe('unavailable');
      expect(body.database.reachable).toBe(true);
      expect(body.temporal).toEqual({ reachable: false });
      expect(JSON.stringify(body)).not.toContain(deadAddress);
    } finally {
      await broken.close();
    }
  });

  it('answers 503 naming the database when nothing listens at its address', async () => {
    const db = createDatabase(`postgres://nobody:nothing@127.0.0.1:${await freePort()}/none`);
    const app = createApp({ db, temporal: t.temporal, logger: pino({ level: 'silent' }) });
    try {
      const res = await app.request('/api/health');
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.database).toEqual({ reachable: false });
      expect(body.temporal.reachable).toBe(true);

      // Any other request answers 503 in words a clerk can act on, not 系统内部错误.
      const login = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'whatever-it-is' }),
      });
      expect(login.status).toBe(503);
      expect(await login.json()).toMatchObject({
        code: 'unavailable',
        message: '数据库暂时无法连接，本次操作未完成，请稍后再试',
      });
    } finally {
      await db.destroy();
    }
  });
});
