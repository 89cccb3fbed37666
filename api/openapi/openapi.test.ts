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
    for (const path of [
      '/auth/login',
      '/townships',
      '/townships/{id}',
      '/villages',
      '/cadres/{id}',
      '/users',
      '/audit-log',
      '/health',
      '/stats',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.components.schemas.Error.properties).toHaveProperty('fields');
    expect(doc.paths['/cadres'].post.responses).toHaveProperty('400');
    expect(doc.components.schemas.CadreInput.required).toContain('idNumber');
  });

  it('documents a 400 on every operation that takes parameters or a body', async () => {
    const doc = await (await t.request('/api/openapi.json')).json();
    const missing: string[] = [];
    for (const [path, item] of Object.entries(
      doc.paths as Record<
        string,
        Record<string, { parameters?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> }>
      >,
    )) {
      for (const [method, op] of Object.entries(item)) {
        if ((op.parameters?.length || op.requestBody) && !op.responses['400'])
          missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('says null where an answer can be null: a county without a schedule has no rubric', async () => {
    const text = await (await t.request('/api/openapi.json')).text();
    const doc = JSON.parse(text);
    const rubric = doc.components.schemas.AssessmentSchedule.properties.rubric;
    const allowsNull = (schema: { type?: string | string[]; anyOf?: { type?: string }[] }) =>
      [schema.type].flat().includes('null') || (schema.anyOf ?? []).some((s) => s.type === 'null');
    expect(rubric, JSON.stringify(rubric)).toSatisfy(allowsNull);
    // A nullable shared schema rendered as allOf [$ref, {type: [..., null]}] still refuses null.
    const refusesNull = text.match(/"allOf":\[\{"\$ref":"[^"]+"\},\{"type":\[[^\]]*"null"\]\}\]/g) ?? [];
    expect(refusesNull).toEqual([]);
  });

  it('serves a readable docs page', async () => {
    const res = await t.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('/api/openapi.json');
  });
});
