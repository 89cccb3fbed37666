// Nominating after the window has really closed: the intake runs on the time-skipping server,
// its ten days pass there, and the API answers 409 naming the window — the workflow's own
// clock decides, not the API's.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validIdNumber } from '../../../test/support/id-numbers.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';
import { createTimeSkippingEnvironment } from '../../../test/support/time-skipping.js';

let env: TestWorkflowEnvironment;
let t: TestApp;
let officer: Session;
let townshipId: number;
let villageId: number;
const YEAR = 2032;
const DAY = 24 * 3600_000;

async function person(name: string, seq: string) {
  const birth = `${new Date().getUTCFullYear() - 30}-02-20`;
  const row = await t.db
    .insertInto('people')
    .values({
      name,
      gender: 'male',
      birth_date: birth,
      id_number: validIdNumber(birth, seq),
      phone: '13700000000',
      education: 'college',
      party_member: true,
      township_id: townshipId,
      village_id: villageId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  env = await createTimeSkippingEnvironment();
  t = await createTestApp({ worker: true, temporalAddress: env.address });
  officer = await t.login('officer-01');
  const village = await t.db
    .selectFrom('users')
    .select(['village_id', 'township_id'])
    .where('username', '=', 'village-001')
    .executeTakeFirstOrThrow();
  townshipId = village.township_id!;
  villageId = village.village_id!;
}, 180_000);
afterAll(async () => {
  await t?.close();
  await env?.teardown();
});

const post = (path: string, body: unknown) =>
  t.request(`/api/processes/reserve-cultivation${path}`, { method: 'POST', as: officer, body: JSON.stringify(body) });

describe('the nomination window', () => {
  it('takes nominations while open and answers 409 once its days have passed', async () => {
    const [early, late] = [await person('窗口甲', '712'), await person('窗口乙', '714')];
    expect((await post('/intakes', { townshipId, year: YEAR })).status).toBe(201);
    await vi.waitFor(
      async () => {
        const res = await post('/nominations', { townshipId, year: YEAR, personId: early, source: 'organisation' });
        expect(res.status, await res.text()).toBe(201);
      },
      { timeout: 30_000, interval: 300 },
    );

    await env.sleep(10 * DAY + 3600_000);
    const res = await post('/nominations', { townshipId, year: YEAR, personId: late, source: 'organisation' });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.fields).toEqual([expect.objectContaining({ field: 'year', message: '推荐窗口未开放或已关闭' })]);
    // Refused before anything was written: no reserves row for the late nominee.
    const rows = await t.db.selectFrom('reserves').select('id').where('person_id', '=', late).execute();
    expect(rows).toEqual([]);
  }, 120_000);
});
