import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('describes every resource route with its schemas and the shared error shape', async () => {
    const res = await t.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api' }]);
    for (const path of ['/auth/login', '/townships', '/townships/{id}', '/villages', '/cadres/{id}', '/users', '/audit-log', '/health', '/stats']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.components.schemas.Error.properties).toHaveProperty('fields');
    expect(doc.paths['/cadres'].post.responses).toHaveProperty('400');
    expect(doc.components.schemas.CadreInput.required).toContain('idNumber');
  });

  it('serves a readable docs page', async () => {
    const res = await t.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('/api/openapi.json');
  });
});
