// Headers on every kind of answer: the API's JSON, the docs page, the console; HSTS and Secure
// cookies only over HTTPS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createTestApp, type Session, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

describe('security headers', () => {
  it('every /api answer forbids running or framing it and caching it', async () => {
    for (const res of [
      await t.request('/api/auth/me'),
      await t.request('/api/cadres/1', { as: admin }),
      await t.request('/api/nothing', { as: admin }),
    ]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('the docs page loads its script from this server, never a CDN, under a CSP that allows it', async () => {
    const page = await t.request('/api/docs');
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const src of html.match(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)!.map((m) => m.split('"')[1])) {
      const asset = await t.request(src);
      expect(asset.status, src).toBe(200);
    }
  });

  it('HSTS and Secure cookies over HTTPS only; a proxy header counts only from a trusted proxy', async () => {
    const https = await t.app.request('https://qinglan.example.cn/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'auditor', password: 'demo' }),
    });
    expect(https.status).toBe(200);
    expect(https.headers.get('strict-transport-security')).toContain('max-age=');
    for (const cookie of https.headers.getSetCookie()) expect(cookie).toMatch(/;\s*Secure/i);

    const socket = (remoteAddress: string) => ({
      incoming: { socket: { remoteAddress, remotePort: 1, remoteFamily: 'IPv4' } },
    });
    const login = (env: object) =>
      t.app.request(
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
          body: JSON.stringify({ username: 'auditor', password: 'demo' }),
        },
        env,
      );
    const spoofed = await login(socket('198.51.100.30'));
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    for (const cookie of spoofed.headers.getSetCookie()) expect(cookie).not.toMatch(/;\s*Secure/i);
    process.env.QINGLAN_TRUSTED_PROXIES = '198.51.100.30';
    try {
      const proxied = await login(socket('198.51.100.30'));
      for (const cookie of proxied.headers.getSetCookie()) expect(cookie).toMatch(/;\s*Secure/i);
      expect(proxied.headers.get('strict-transport-security')).toContain('max-age=');
    } finally {
      delete process.env.QINGLAN_TRUSTED_PROXIES;
    }
  });

  it('the console has a Content-Security-Policy that allows only its own scripts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinglan-console-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    try {
      const app = createApp({ db: t.db, temporal: t.temporal, logger: pino({ level: 'silent' }), staticDir: dir });
      const res = await app.request('/tasks');
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
