import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createApp } from '../app.js';
import { createDatabase } from '../../db/database.js';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { freePort } from '../../test/support/free-port.js';

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
    expect(body.temporal).toMatchObject({ namespace: 'default', reachable: true });
    expect(body.temporal.address).toMatch(/^127\.0\.0\.1:\d+$/);
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
      expect(body.temporal).toMatchObject({ address: deadAddress, reachable: false });
      expect(body.temporal.error).toBeTruthy();
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
      expect(body.database.reachable).toBe(false);
      expect(body.database.error).toBeTruthy();
      expect(body.temporal.reachable).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});
