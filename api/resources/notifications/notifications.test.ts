// The bell: each user reads and marks only their own notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type Session, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
let officer: Session;
let secretary: Session;
let othersId: number;

interface Row {
  id: number;
  kind: string;
  title: string;
  link: string | null;
  taskId: number | null;
  createdAt: string;
  readAt: string | null;
}

const note = (userId: number, key: string, createdAt: string, readAt: Date | null = null) => ({
  notification_key: key,
  user_id: userId,
  kind: 'task_reminder',
  title: `提醒 ${key}`,
  body: '请及时处理。',
  link: '/tasks/1',
  created_at: createdAt,
  read_at: readAt,
});

beforeAll(async () => {
  t = await createTestApp();
  [officer, secretary] = await Promise.all([t.login('officer-01'), t.login('secretary-01')]);
  await t.db
    .insertInto('notifications')
    .values([
      note(officer.userId, 'a', '2025-03-01T08:00:00Z'),
      note(officer.userId, 'b', '2025-03-02T08:00:00Z', new Date('2025-03-02T09:00:00Z')),
      note(officer.userId, 'c', '2025-03-03T08:00:00Z'),
    ])
    .execute();
  othersId = Number(
    (
      await t.db
        .insertInto('notifications')
        .values(note(secretary.userId, 'a', '2025-03-04T08:00:00Z'))
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  );
});
afterAll(() => t.close());

async function list(as: Session, params: Parameters<typeof listQuery>[0] = {}) {
  const res = await t.request(`/api/notifications?${listQuery(params)}`, { as });
  expect(res.status).toBe(200);
  return { rows: (await res.json()) as Row[], range: res.headers.get('content-range') };
}
const unread = async (as: Session) =>
  (await (await t.request('/api/notifications/unread-count', { as })).json()).count as number;
const post = (path: string, as: Session) => t.request(`/api/notifications${path}`, { method: 'POST', as });

describe('notifications', () => {
  it('needs a signed-in user', async () => {
    expect((await t.request('/api/notifications')).status).toBe(401);
  });

  it('lists only the caller’s own, newest first, in camel case', async () => {
    const { rows, range } = await list(officer);
    expect(range).toBe('notifications 0-2/3');
    expect(rows.map((r) => r.title)).toEqual(['提醒 c', '提醒 b', '提醒 a']);
    expect(rows.map((r) => r.id)).not.toContain(othersId);
    expect(rows[1]).toMatchObject({
      kind: 'task_reminder',
      link: '/tasks/1',
      taskId: null,
      createdAt: '2025-03-02T08:00:00.000Z',
      readAt: '2025-03-02T09:00:00.000Z',
    });
    expect((await list(officer, { sort: ['createdAt', 'ASC'] })).rows.map((r) => r.title)).toEqual([
      '提醒 a',
      '提醒 b',
      '提醒 c',
    ]);
    expect((await list(secretary)).rows.map((r) => r.id)).toEqual([othersId]);
  });

  it('filters unread ones and counts them', async () => {
    const { rows, range } = await list(officer, { filter: { unread: true } });
    expect(rows.map((r) => r.title)).toEqual(['提醒 c', '提醒 a']);
    expect(range).toBe('notifications 0-1/2');
    expect(await unread(officer)).toBe(2);
    expect(
      (await t.request(`/api/notifications?${listQuery({ filter: { unread: 'yes' } })}`, { as: officer })).status,
    ).toBe(400);
  });

  it('marks one as read; another user’s answers 404 and stays unread', async () => {
    const res = await post(`/${othersId}/read`, officer);
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('not_found');
    expect((await t.request(`/api/notifications/${othersId}`, { as: officer })).status).toBe(404);
    expect(await unread(secretary)).toBe(1);

    const own = (await list(officer, { filter: { unread: true } })).rows[0];
    const marked = await post(`/${own.id}/read`, officer);
    expect(marked.status).toBe(200);
    expect((await marked.json()).readAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await unread(officer)).toBe(1);
  });

  it('marks all of the caller’s own as read, nobody else’s', async () => {
    const res = await post('/read-all', officer);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ count: 1 });
    expect(await unread(officer)).toBe(0);
    expect((await list(officer, { filter: { unread: true } })).rows).toEqual([]);
    // The first reading time is kept.
    expect((await list(officer)).rows.find((r) => r.title === '提醒 b')!.readAt).toBe('2025-03-02T09:00:00.000Z');
    expect(await unread(secretary)).toBe(1);
  });
});
