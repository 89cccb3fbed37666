// With no worker to take it, an Update (here: ending a pairing early) is answered 503 at its
// deadline instead of holding the clerk's request open for ever.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { UPDATE_DEADLINE_MS } from './update-deadline.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

it(
  'an Update no worker takes is answered 503 at its deadline',
  async () => {
    const officer = await t.login('officer-01');
    const person = (role: 'cadre' | 'mentor') =>
      t.db
        .selectFrom('people as p')
        .innerJoin('users as u', 'u.person_id', 'p.id')
        .select('p.id')
        .where('p.township_id', '=', 1)
        .where('u.role', '=', role)
        .orderBy('p.id')
        .executeTakeFirstOrThrow();
    const started = await t.request('/api/processes/mentor-pairing', {
      method: 'POST',
      as: officer,
      body: JSON.stringify({ menteePersonId: (await person('cadre')).id, mentorPersonId: (await person('mentor')).id }),
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const res = await t.request(`/api/processes/mentor-pairing/${id}/end-early`, {
      method: 'POST',
      as: officer,
      body: JSON.stringify({ reason: '调离' }),
    });
    expect(res.status).toBe(503);
    expect((await res.json()).code).toBe('unavailable');
  },
  UPDATE_DEADLINE_MS + 30_000,
);
