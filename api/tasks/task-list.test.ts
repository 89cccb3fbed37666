// The task list (待办, 我的待办) against the plainest reading of its rules: a few hundred tasks of
// every kind of assignee, open and closed, with ties in their dates, and a colleague on leave;
// for each kind of user, filter, sort and page, the API's rows, order and total must be what
// reading every task and applying the scope and inbox rules by hand gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type Session, type TestApp } from '../../test/support/test-app.js';
import { TaskSchema } from './task-schemas.js';

let t: TestApp;
const as: Record<string, Session> = {};
const USERS = ['admin', 'officer-01', 'officer-02', 'secretary-01', 'village-001', 'cadre-0001', 'mentor-001'];
const DAY = 24 * 3600_000;

interface Person {
  id: number;
  role: string;
  townshipId: number | null;
  villageId: number | null;
  personId: number | null;
}
type Row = Awaited<ReturnType<typeof everyTask>>[number];

const everyTask = () =>
  t.db
    .selectFrom('tasks as t')
    .innerJoin('processes as p', 'p.id', 't.process_id')
    .selectAll('t')
    .select('p.subject_person_id')
    .execute();

async function person(username: string): Promise<Person> {
  const u = await t.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  return { id: u.id, role: u.role, townshipId: u.township_id, villageId: u.village_id, personId: u.person_id };
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of USERS) as[u] = await t.login(u);
  const [officer, secretary, cadre] = await Promise.all(['officer-01', 'secretary-01', 'cadre-0001'].map(person));
  const villagesOf = (township: number) =>
    t.db
      .selectFrom('villages')
      .select(['id', 'township_id'])
      .where('township_id', '=', township)
      .orderBy('id')
      .limit(2);
  const villages = [...(await villagesOf(1).execute()), ...(await villagesOf(2).execute())];
  // secretary-01 is on leave; officer-01 stands in (请假委托).
  await t.db
    .insertInto('delegations')
    .values({ user_id: secretary.id, delegate_user_id: officer.id, starts_on: '2000-01-01', ends_on: '2100-01-01' })
    .execute();
  const processes = Array.from({ length: 12 }, (_, i) => ({
    id: `list-${i}`,
    type: 'mentor-pairing',
    title: `列表测试 ${i}`,
    township_id: villages[i % 4].township_id,
    village_id: villages[i % 4].id,
    subject_person_id: i % 3 === 0 ? cadre.personId : null,
    status: 'running' as const,
    params: '{}',
  }));
  await t.db.insertInto('processes').values(processes).execute();
  const assignees = [
    { assignee_user_id: officer.id },
    { assignee_user_id: cadre.id },
    { assignee_role: 'township_officer' as const, assignee_township_id: 1 },
    { assignee_role: 'township_officer' as const },
    { assignee_role: 'township_officer' as const, assignee_township_id: 2 },
    { assignee_role: 'village_secretary' as const, assignee_township_id: 1, assignee_village_id: 1 },
    { assignee_role: 'village_secretary' as const, assignee_township_id: 1 },
    { assignee_role: 'village_secretary' as const, assignee_township_id: 1, assignee_village_id: 2 },
    { assignee_role: 'township_secretary' as const, assignee_township_id: 1 },
    { assignee_role: 'cadre' as const },
    { assignee_role: 'mentor' as const, assignee_township_id: 1, assignee_village_id: 2 },
  ];
  const base = Date.now();
  const tasks = Array.from({ length: 330 }, (_, g) => {
    const p = processes[g % processes.length];
    return {
      task_key: `${p.id}:step-${g}:1`,
      process_id: p.id,
      process_type: 'mentor-pairing',
      step_key: `exchange.m${g % 12}`,
      step_name: `第 ${g % 12} 月定期交流`,
      form: 'exchange',
      actions: JSON.stringify(['submit']),
      ...assignees[g % assignees.length],
      township_id: p.township_id,
      village_id: p.village_id,
      status: g % 3 === 2 ? ('done' as const) : ('open' as const),
      // Whole days either side of now, so many tasks share a deadline and the order falls to the id.
      due_at: new Date(base + ((g % 7) - 3) * DAY + (g % 7 < 3 ? 0 : DAY / 2)),
      context: JSON.stringify({ g }),
      created_at: new Date(base - (g % 5) * DAY),
    };
  });
  await t.db.insertInto('tasks').values(tasks).execute();
}, 120_000);
afterAll(() => t.close());

/** The rules as written down: what the user may act on, and what they may see. */
function byHand(user: Person, delegators: Person[]) {
  const acting = [user, ...delegators];
  const actionable = (x: Row) =>
    acting.some((w) => x.assignee_user_id === w.id) ||
    acting.some(
      (w) =>
        x.assignee_role === w.role &&
        (x.assignee_township_id == null || x.assignee_township_id === w.townshipId) &&
        (x.assignee_village_id == null || x.assignee_village_id === w.villageId),
    );
  const unit = (x: Row) =>
    ['county_admin', 'auditor'].includes(user.role) ||
    (['township_officer', 'township_secretary'].includes(user.role) && x.township_id === user.townshipId) ||
    (user.role === 'village_secretary' && x.village_id === user.villageId) ||
    (['cadre', 'mentor'].includes(user.role) && x.subject_person_id === user.personId);
  return { actionable, visible: (x: Row) => actionable(x) || unit(x) };
}

const FILTERS = [{ mine: true }, { mine: true, overdue: true }, { status: 'open' }, {}];
const SORTS: [string, 'ASC' | 'DESC', keyof Row][] = [
  ['dueAt', 'ASC', 'due_at'],
  ['createdAt', 'DESC', 'created_at'],
];
const RANGES: [number, number][] = [
  [0, 24],
  [25, 49],
  [1000, 1024],
];

describe('the task list against the rules applied by hand', () => {
  it.each(USERS)('%s: every filter, sort and page has the same tasks, order and total', async (username) => {
    const user = await person(username);
    const delegators = username === 'officer-01' ? [await person('secretary-01')] : [];
    const rows = await everyTask();
    const { actionable, visible } = byHand(user, delegators);
    const now = Date.now();
    for (const filter of FILTERS) {
      const wanted = rows.filter(
        (x) =>
          visible(x) &&
          (!('mine' in filter) || (x.status === 'open' && actionable(x))) &&
          (!('overdue' in filter) || (x.status === 'open' && x.due_at.getTime() < now)) &&
          (!('status' in filter) || x.status === filter.status),
      );
      for (const [field, order, column] of SORTS) {
        const sign = order === 'ASC' ? 1 : -1;
        const key = (x: Row) => (x[column] as Date).getTime();
        const sorted = [...wanted].sort((a, b) => sign * (key(a) - key(b)) || a.id - b.id);
        for (const range of RANGES) {
          const res = await t.request(`/api/tasks?${listQuery({ filter, sort: [field, order], range })}`, {
            as: as[username],
          });
          expect(res.status).toBe(200);
          const page = (await res.json()) as { id: number; canAct: boolean }[];
          const what = `${JSON.stringify(filter)} ${field} ${order} ${JSON.stringify(range)}`;
          const expected = sorted.slice(range[0], range[1] + 1);
          expect(
            page.map((x) => x.id),
            what,
          ).toEqual(expected.map((x) => x.id));
          expect(res.headers.get('content-range')?.split('/')[1], what).toBe(String(wanted.length));
          expect(
            page.map((x) => x.canAct),
            what,
          ).toEqual(expected.map((x) => x.status === 'open' && actionable(x)));
        }
      }
    }
  });

  it('the inbox has rows to compare, and each row has every field the console reads', async () => {
    const res = await t.request(`/api/tasks?${listQuery({ filter: { mine: true } })}`, { as: as['officer-01'] });
    const page = (await res.json()) as Record<string, unknown>[];
    expect(page).toHaveLength(25);
    for (const row of page) expect(Object.keys(row).sort()).toEqual(Object.keys(TaskSchema.shape).sort());
    // The stand-in sees the Party secretary's tasks. Another township's officer sees township 1's only
    // where they are theirs to act on (their role's, for any township or for theirs).
    expect(page.some((x) => x.assigneeRole === 'township_secretary')).toBe(true);
    const other = await t.request(`/api/tasks?${listQuery({ filter: {}, range: [0, 499] })}`, {
      as: as['officer-02'],
    });
    const seen = (await other.json()) as Record<string, unknown>[];
    expect(seen.some((x) => x.townshipId === 2)).toBe(true);
    expect(
      seen.every(
        (x) =>
          x.townshipId === 2 ||
          (x.assigneeRole === 'township_officer' && [null, 2].includes(x.assigneeTownshipId as number | null)),
      ),
    ).toBe(true);
  });
});
