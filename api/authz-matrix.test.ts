// Authorization matrix: every route of the OpenAPI document × every role × a record in the
// roles' scope and one outside it, against the statuses declared in authz-matrix.table.ts.
// A route missing from the table fails the test until its answers are declared there.
//
// Writes are sent with an empty JSON body, so nothing changes: the answer shows whether the
// caller gets past sign-in and the scope checks (403/404) or reaches validation (400).
// QINGLAN_MATRIX_PRINT=1 prints what the API answers, in the table's format, to review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/support/test-app.js';
import { BODIES, MATRIX, NOT_SENT, ROLES, type Role } from './authz-matrix.table.js';

let t: TestApp;
const sessions: Partial<Record<Role, Session>> = {};
/** Path parameters per first path segment: [in scope, out of scope]. */
const ids: Record<string, [string, string]> = {};

const ACCOUNTS: Record<Exclude<Role, 'anon'>, string> = {
  cadre: 'cadre-0001',
  mentor: 'mentor-001',
  village: 'village-001',
  officer: 'officer-01',
  secretary: 'secretary-01',
  auditor: 'auditor',
  admin: 'admin',
};

beforeAll(async () => {
  t = await createTestApp();
  for (const [role, username] of Object.entries(ACCOUNTS)) sessions[role as Role] = await t.login(username);
  // In scope: the village secretary's village, in township 1; out of scope: township 2.
  const village = await t.db
    .selectFrom('users')
    .select(['village_id', 'township_id'])
    .where('username', '=', 'village-001')
    .executeTakeFirstOrThrow();
  const person = await t.db
    .selectFrom('people')
    .select('id')
    .where('village_id', '=', village.village_id!)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const otherTownship = await t.db
    .selectFrom('townships')
    .select('id')
    .where('id', '!=', village.township_id!)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const otherVillage = await t.db
    .selectFrom('villages')
    .select('id')
    .where('township_id', '=', otherTownship.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const otherPerson = await t.db
    .selectFrom('people')
    .select('id')
    .where('township_id', '=', otherTownship.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const userIn = await t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'officer-01')
    .executeTakeFirstOrThrow();
  const userOut = await t.db
    .selectFrom('users')
    .select('id')
    .where('township_id', '=', otherTownship.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  ids.townships = [String(village.township_id), String(otherTownship.id)];
  ids.villages = [String(village.village_id), String(otherVillage.id)];
  ids.cadres = [String(person.id), String(otherPerson.id)];
  ids.users = [String(userIn.id), String(userOut.id)];
  ids.people = ids.cadres;
  const reserveIn = await t.db
    .selectFrom('reserves')
    .select('id')
    .where('village_id', '=', village.village_id!)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const reserveOut = await t.db
    .selectFrom('reserves')
    .select('id')
    .where('township_id', '=', otherTownship.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  ids.reserves = [String(reserveIn.id), String(reserveOut.id)];
}, 300_000);
afterAll(() => t.close());

function pathFor(template: string, scope: 0 | 1): string {
  const segment = template.split('/')[1];
  const [inScope, outOfScope] = ids[segment] ?? ['1', '2147483000'];
  return template.replace(/\{[^}]+\}/g, scope === 0 ? inScope : outOfScope);
}

async function answer(method: string, template: string, role: Role, scope: 0 | 1): Promise<number> {
  const init: RequestInit & { as?: Session } = { method: method.toUpperCase(), as: sessions[role] };
  if (method !== 'get' && method !== 'delete') init.body = BODIES[`${method.toUpperCase()} ${template}`] ?? '{}';
  const res = await t.request(`/api${pathFor(template, scope)}`, init);
  await res.arrayBuffer();
  return res.status;
}

describe('authorization matrix', () => {
  it('every route answers every role as declared, in scope and out of it', async () => {
    const doc = await (await t.request('/api/openapi.json')).json();
    const routes: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item))
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) routes.push(`${method.toUpperCase()} ${path}`);
    }
    // Reads first, deletes last: a write that did go through cannot hide a later read's answer.
    // Signing out ends the role's session, so it goes after everything else.
    const order = (r: string) =>
      r.endsWith('/auth/logout') ? 9 : ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].indexOf(r.split(' ')[0]);
    routes.sort((a, b) => order(a) - order(b) || a.localeCompare(b));

    const undeclared = routes.filter((r) => !(r in MATRIX) && !(r in NOT_SENT));
    const actual: Record<string, [string, string]> = {};
    const mismatches: string[] = [];
    let requests = 0;
    for (const route of routes) {
      if (route in NOT_SENT) continue;
      const [method, template] = route.split(' ');
      const hasParam = template.includes('{');
      const rows: [string, string] = ['', ''];
      for (const scope of hasParam ? ([0, 1] as const) : ([0] as const)) {
        const statuses: number[] = [];
        for (const role of ROLES) {
          statuses.push(await answer(method.toLowerCase(), template, role, scope));
          requests++;
        }
        rows[scope] = statuses.join(' ');
      }
      if (!hasParam) rows[1] = rows[0];
      actual[route] = rows;
      const declared = MATRIX[route];
      if (!declared) continue;
      const expected: [string, string] = typeof declared === 'string' ? [declared, declared] : declared;
      for (const scope of [0, 1] as const) {
        const want = expected[scope].split(/\s+/);
        const got = rows[scope].split(' ');
        ROLES.forEach((role, i) => {
          if (!want[i].split('|').includes(got[i]))
            mismatches.push(
              `${route} ${scope === 0 ? 'in scope' : 'out of scope'} as ${role}: declared ${want[i]}, got ${got[i]}`,
            );
        });
      }
    }
    if (process.env.QINGLAN_MATRIX_PRINT) {
      for (const [route, [a, b]] of Object.entries(actual))
        console.log(a === b ? `  '${route}': '${a}',` : `  '${route}': ['${a}', '${b}'],`);
    }
    console.log(
      `authorization matrix: ${routes.length} routes (${Object.keys(NOT_SENT).length} not sent) × ${ROLES.length} roles, ${requests} requests, ${mismatches.length} mismatches, ${undeclared.length} undeclared`,
    );
    expect(undeclared, 'routes with no declared answers in authz-matrix.table.ts').toEqual([]);
    expect(mismatches).toEqual([]);
    // No role ever gets a 500.
    expect(Object.values(actual).flat().join(' ')).not.toMatch(/\b5\d\d\b/);
  }, 600_000);
});
