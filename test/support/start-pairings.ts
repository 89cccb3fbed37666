// Mentor pairings started through the API as a township officer would: the township's first
// newly elected cadres not yet being mentored, each with its first mentor, for tests that need real processes running.
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

export async function startPairings(
  t: TestApp,
  options: { officer: string; count: number; reason?: string },
): Promise<{ id: string; title: string }[]> {
  const session = await t.login(options.officer);
  const township = (
    await t.db
      .selectFrom('users')
      .select('township_id')
      .where('username', '=', options.officer)
      .executeTakeFirstOrThrow()
  ).township_id!;
  const people = (flag: 'newly_elected' | 'is_mentor', limit: number) =>
    t.db
      .selectFrom('people')
      .select('id')
      .where('township_id', '=', township)
      .where(flag, '=', true)
      // a cadre already being mentored cannot be paired again: the next ones are
      .$if(flag === 'newly_elected', (q) =>
        q.where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('processes')
                .select('processes.id')
                .whereRef('processes.subject_person_id', '=', 'people.id')
                .where('processes.type', '=', 'mentor-pairing')
                .where('processes.status', 'in', ['running', 'incident']),
            ),
          ),
        ),
      )
      .orderBy('id')
      .limit(limit)
      .execute();
  const [mentees, [mentor]] = await Promise.all([people('newly_elected', options.count), people('is_mentor', 1)]);
  const started: { id: string; title: string }[] = [];
  for (const mentee of mentees) {
    const res = await t.request('/api/processes/mentor-pairing', {
      method: 'POST',
      as: session,
      body: JSON.stringify({ menteePersonId: mentee.id, mentorPersonId: mentor.id, reason: options.reason }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    started.push((await res.json()) as { id: string; title: string });
  }
  return started;
}
