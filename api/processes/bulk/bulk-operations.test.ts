// 批量操作 through the API over real pairings: three of 漳江镇 (officer-01) and two of 陬市镇
// (officer-02). Preview, 催办 and 撤销 over a filter; the same requestId twice runs once; a new
// run over the same filter skips what already ended; each officer reaches only their township;
// the county admin's 强制终止 ends 陬市镇's two with the reason on each timeline.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPairings } from '../../../test/support/start-pairings.js';
import { createTestApp, type Session, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
const as: Record<string, Session> = {};
let own: string[];
let other: string[];
let t1: number;

interface Operation {
  id: number;
  status: string;
  total: number;
  done: number;
  succeeded: number;
  skipped: number;
  items: { processId: string; status: string; message: string | null }[];
}

const post = (path: string, user: string, body: unknown) =>
  t.request(`/api/processes/bulk-operations${path}`, { method: 'POST', as: as[user], body: JSON.stringify(body) });

async function finished(user: string, id: number): Promise<Operation> {
  let op: Operation | undefined;
  await vi.waitFor(
    async () => {
      const res = await t.request(`/api/processes/bulk-operations/${id}`, { as: as[user] });
      expect(res.status).toBe(200);
      op = (await res.json()) as Operation;
      expect(op.status).toBe('done');
    },
    { timeout: 30_000, interval: 200 },
  );
  return op!;
}

const events = (ids: string[], action: string) =>
  t.db
    .selectFrom('task_events')
    .select(['process_id', 'comment'])
    .where('process_id', 'in', ids)
    .where('action', '=', action)
    .orderBy('process_id')
    .execute();

const statuses = async (ids: string[]) =>
  (await t.db.selectFrom('processes').select('status').where('id', 'in', ids).execute()).map((r) => r.status);

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  for (const u of ['admin', 'auditor', 'officer-01', 'officer-02', 'secretary-01']) as[u] = await t.login(u);
  own = (await startPairings(t, { officer: 'officer-01', count: 3 })).map((p) => p.id).sort();
  other = (await startPairings(t, { officer: 'officer-02', count: 2 })).map((p) => p.id).sort();
  t1 = (
    await t.db.selectFrom('users').select('township_id').where('username', '=', 'officer-01').executeTakeFirstOrThrow()
  ).township_id!;
  // Each pairing's first step is open before anything acts on it.
  await vi.waitFor(
    async () =>
      expect(await t.db.selectFrom('tasks').select('process_id').where('status', '=', 'open').execute()).toHaveLength(
        5,
      ),
    { timeout: 30_000, interval: 250 },
  );
}, 120_000);
afterAll(() => t?.close());

describe('bulk operations', () => {
  it('refuses roles the single actions refuse (403) and a cancel without a reason (400)', async () => {
    const filter = { type: 'mentor-pairing' };
    expect((await post('/preview', 'auditor', { action: 'cancel', filter })).status).toBe(403);
    expect((await post('', 'secretary-01', { action: 'urge', filter, requestId: 'req-secretary-1' })).status).toBe(403);
    expect((await post('/preview', 'officer-01', { action: 'terminate', filter })).status).toBe(403);
    const res = await post('', 'admin', { action: 'cancel', filter, requestId: 'req-no-reason' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ fields: [{ field: 'reason', message: expect.stringMatching(/原因/) }] });
    expect(await t.db.selectFrom('bulk_operations').select('id').execute()).toEqual([]);
  });

  it('previews which processes match in scope and which would be skipped, and why', async () => {
    const res = await post('/preview', 'admin', { action: 'retry', filter: { type: 'mentor-pairing' } });
    expect(res.status).toBe(200);
    const all = (await res.json()) as { total: number; acting: number; items: { id: string; skip: string | null }[] };
    expect(all).toMatchObject({ total: 5, acting: 0, skipping: 5, truncated: false });
    expect(all.items.map((i) => i.skip)).toEqual(Array(5).fill('没有待处理的异常'));
    const mine = (await (await post('/preview', 'officer-01', { action: 'cancel', filter: {} })).json()) as {
      acting: number;
      items: { id: string; townshipName: string; currentStep: string | null; status: string }[];
    };
    expect(mine.items.map((i) => i.id).sort()).toEqual(own);
    expect(mine.acting).toBe(3);
    expect(mine.items[0]).toMatchObject({ status: 'running', townshipName: expect.any(String) });
    const none = await post('/preview', 'admin', { action: 'urge', filter: { id: [] } });
    expect(await none.json()).toMatchObject({ total: 0, items: [] });
  });

  it("urges the open tasks of an officer's own township only, and keeps another's operation from them (404)", async () => {
    const res = await post('', 'officer-02', {
      action: 'urge',
      filter: {},
      reason: '请本周内办结',
      requestId: 'req-urge-02',
    });
    expect(res.status).toBe(202);
    const op = await finished('officer-02', ((await res.json()) as Operation).id);
    expect(op).toMatchObject({ total: 2, succeeded: 2 });
    expect((await events(other, 'urged')).map((e) => e.comment)).toEqual(['请本周内办结', '请本周内办结']);
    expect(await events(own, 'urged')).toEqual([]);
    expect((await t.request(`/api/processes/bulk-operations/${op.id}`, { as: as['officer-01'] })).status).toBe(404);
    expect((await t.request(`/api/processes/bulk-operations/${op.id}`, { as: as.admin })).status).toBe(200);
  });

  it('cancels every matched process with the reason on each timeline; the same requestId runs it once', async () => {
    const body = {
      action: 'cancel',
      filter: { townshipId: t1 },
      reason: '导师调整，统一重新结对',
      requestId: 'req-cancel-1',
    };
    const res = await post('', 'admin', body);
    expect(res.status).toBe(202);
    const first = (await res.json()) as Operation;
    expect(first.total).toBe(3);
    const again = await post('', 'admin', body);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Operation).id).toBe(first.id);
    const op = await finished('admin', first.id);
    expect(op).toMatchObject({ total: 3, done: 3, succeeded: 3 });
    expect(op.items.map((i) => i.processId).sort()).toEqual(own);
    await vi.waitFor(async () => expect(await statuses(own)).toEqual(['cancelled', 'cancelled', 'cancelled']), {
      timeout: 30_000,
      interval: 250,
    });
    expect(await events(own, 'cancel_requested')).toEqual(
      own.map((id) => ({ process_id: id, comment: '导师调整，统一重新结对' })),
    );
    expect(await statuses(other)).toEqual(['running', 'running']);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'record_id']).execute();
    expect(audit.filter((a) => a.action === 'processes.bulk' && a.record_id === String(first.id))).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'process.cancelled' && own.includes(a.record_id!))).toHaveLength(3);
    expect(
      await t.db.selectFrom('bulk_operations').select('id').where('request_id', '=', 'req-cancel-1').execute(),
    ).toHaveLength(1);
  });

  it('skips, with 已结束, the processes an earlier run ended when run again with a new requestId', async () => {
    const res = await post('', 'admin', {
      action: 'cancel',
      filter: { townshipId: t1 },
      reason: '再次撤销',
      requestId: 'req-cancel-2',
    });
    expect(res.status).toBe(202);
    const op = await finished('admin', ((await res.json()) as Operation).id);
    expect(op).toMatchObject({ total: 3, skipped: 3, succeeded: 0 });
    expect(op.items.map((i) => i.message)).toEqual(['已结束', '已结束', '已结束']);
    expect(await events(own, 'cancel_requested')).toHaveLength(3);
    const preview = (await (
      await post('/preview', 'admin', { action: 'cancel', filter: { townshipId: t1 } })
    ).json()) as {
      acting: number;
    };
    expect(preview.acting).toBe(0);
  });

  it('takes up an operation whose API stopped mid-way when it is read, running only the items left', async () => {
    // As an API killed after the first item leaves it: running, its lease lapsed.
    const op = await t.db
      .insertInto('bulk_operations')
      .values({
        request_id: 'req-interrupted',
        created_by: as.admin.userId,
        action: 'urge',
        filter: '{}',
        reason: '断点续办',
        total: 2,
        lease_until: new Date(Date.now() - 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('bulk_operation_items')
      .values([
        { operation_id: op.id, position: 0, process_id: other[0], status: 'succeeded', finished_at: new Date() },
        { operation_id: op.id, position: 1, process_id: other[1] },
      ])
      .execute();
    const done = await finished('admin', op.id);
    expect(done).toMatchObject({ done: 2, succeeded: 2 });
    expect(await events(other, 'urged')).toEqual([
      { process_id: other[0], comment: '请本周内办结' },
      { process_id: other[1], comment: '请本周内办结' },
      { process_id: other[1], comment: '断点续办' },
    ]);
  });

  it('terminates (county admin) every matched process, its reason on each timeline, and skips them after', async () => {
    const body = {
      action: 'terminate',
      filter: { id: other },
      reason: '结对对象已调任外地',
      requestId: 'req-terminate-1',
    };
    const res = await post('', 'admin', body);
    expect(res.status, await res.clone().text()).toBe(202);
    const op = await finished('admin', ((await res.json()) as Operation).id);
    expect(op).toMatchObject({ total: 2, done: 2, succeeded: 2 });
    expect(await statuses(other)).toEqual(['terminated', 'terminated']);
    expect(await events(other, 'terminated')).toEqual(
      other.map((id) => ({ process_id: id, comment: '结对对象已调任外地' })),
    );
    expect(
      await t.db
        .selectFrom('tasks')
        .select('id')
        .where('process_id', 'in', other)
        .where('status', '=', 'open')
        .execute(),
    ).toEqual([]);
    const again = await post('', 'admin', { ...body, requestId: 'req-terminate-2' });
    const second = await finished('admin', ((await again.json()) as Operation).id);
    expect(second).toMatchObject({ total: 2, skipped: 2, succeeded: 0 });
    expect(await events(other, 'terminated')).toHaveLength(2);
  });
});
