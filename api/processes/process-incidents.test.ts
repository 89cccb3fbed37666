// 异常 through the API: two pairings of 漳江镇 whose first step cannot open (the database refuses
// task rows) become incidents; the counts and the list respect scope; the township's officer
// retries one once the cause is mended and it goes on, and another in bulk; the county admin
// withdraws the others, from the incident and from the process page.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { refuseTasks, REFUSAL } from '../../test/support/refuse-tasks.js';
import { startPairings } from '../../test/support/start-pairings.js';
import { createTestApp, listQuery, type Session, type TestApp } from '../../test/support/test-app.js';

let t: TestApp;
const as: Record<string, Session> = {};
let retried: string;
let withdrawn: string;
let cancelled: string;
let bulkRetried: string;

interface Summary {
  total: number;
  byTownship: { townshipId: number | null; count: number }[];
  byType: { type: string; count: number }[];
  items: { processId: string; errorMessage: string }[];
}

const statusOf = async (id: string) =>
  (await t.db.selectFrom('processes').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

const post = (path: string, user: string, body: unknown = {}) =>
  t.request(path, { method: 'POST', as: as[user], body: JSON.stringify(body) });

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  for (const u of ['admin', 'auditor', 'officer-01', 'officer-02']) as[u] = await t.login(u);
  const mend = await refuseTasks(t.db);
  [{ id: retried }, { id: withdrawn }, { id: cancelled }, { id: bulkRetried }] = await startPairings(t, {
    officer: 'officer-01',
    count: 4,
  });
  // Four tries over about 13 s each, then the incidents.
  await vi.waitFor(
    async () =>
      expect(await Promise.all([retried, withdrawn, cancelled, bulkRetried].map(statusOf))).toEqual([
        'incident',
        'incident',
        'incident',
        'incident',
      ]),
    {
      timeout: 90_000,
      interval: 500,
    },
  );
  await mend();
}, 180_000);
afterAll(() => t?.close());

async function summary(user: string): Promise<Summary> {
  const res = await t.request('/api/processes/incidents', { as: as[user] });
  expect(res.status).toBe(200);
  return (await res.json()) as Summary;
}

describe('incidents', () => {
  it('counts open incidents per township and type, each caller within scope', async () => {
    const county = await summary('admin');
    expect(county.total).toBe(4);
    expect(county.byTownship).toEqual([expect.objectContaining({ townshipId: 1, count: 4 })]);
    expect(county.byType).toEqual([{ type: 'mentor-pairing', count: 4 }]);
    expect(county.items[0].errorMessage).toContain(REFUSAL);
    expect((await summary('officer-01')).total).toBe(4);
    expect(await summary('officer-02')).toEqual({ total: 0, byTownship: [], byType: [], items: [] });
  });

  it('lists 异常 processes by status and shows the incident on the process', async () => {
    const res = await t.request(`/api/processes?${listQuery({ filter: { status: 'incident' } })}`, { as: as.admin });
    expect(((await res.json()) as { id: string }[]).map((p) => p.id).sort()).toEqual(
      [retried, withdrawn, cancelled, bulkRetried].sort(),
    );
    const detail = (await (await t.request(`/api/processes/${retried}`, { as: as['officer-01'] })).json()) as {
      status: string;
      incident: { activity: string; step: string | null; errorMessage: string; attempts: number | null };
    };
    expect(detail.status).toBe('incident');
    expect(detail.incident).toMatchObject({ activity: 'openScheduledStep', attempts: 4 });
    expect(detail.incident.errorMessage).toMatch(/^开启办理步骤失败（已重试 4 次）：/);
  });

  it('refuses a retry outside scope (404) and by a role that may not decide (403)', async () => {
    expect((await post(`/api/processes/${retried}/incident/retry`, 'officer-02')).status).toBe(404);
    expect((await post(`/api/processes/${retried}/incident/retry`, 'auditor')).status).toBe(403);
    expect((await post(`/api/processes/${withdrawn}/incident/cancel`, 'officer-02', { reason: '测试' })).status).toBe(
      404,
    );
  });

  it('lets the township officer retry once the cause is mended: the step opens, a second retry is 409', async () => {
    const res = await post(`/api/processes/${retried}/incident/retry`, 'officer-01');
    expect(res.status, await res.clone().text()).toBe(200);
    await vi.waitFor(
      async () =>
        expect(
          await t.db
            .selectFrom('tasks')
            .select('step_key')
            .where('process_id', '=', retried)
            .where('status', '=', 'open')
            .execute(),
        ).toEqual([{ step_key: 'proposal.approval' }]),
      { timeout: 30_000, interval: 250 },
    );
    expect(await statusOf(retried)).toBe('running');
    const again = await post(`/api/processes/${retried}/incident/retry`, 'officer-01');
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ fields: [{ field: 'incident', message: '该流程没有待处理的异常' }] });
    const audit = await t.db.selectFrom('audit_log').select('action').where('record_id', '=', retried).execute();
    expect(audit.map((a) => a.action)).toContain('process.incident_retried');
  });

  it('retries in bulk (重试异常 over a filter): only the processes with an incident, and they go on', async () => {
    const filter = { id: [retried, bulkRetried] };
    const preview = await post('/api/processes/bulk-operations/preview', 'officer-01', { action: 'retry', filter });
    expect(await preview.json()).toMatchObject({ total: 2, acting: 1, skipping: 1 });
    const res = await post('/api/processes/bulk-operations', 'officer-01', {
      action: 'retry',
      filter,
      requestId: 'retry-bulk-1',
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const { id } = (await res.json()) as { id: number };
    await vi.waitFor(
      async () => {
        const op = (await (
          await t.request(`/api/processes/bulk-operations/${id}`, { as: as['officer-01'] })
        ).json()) as {
          status: string;
          items: { processId: string; status: string; message: string | null }[];
        };
        expect(op.status).toBe('done');
        expect(op.items.map((i) => [i.processId, i.status, i.message]).sort()).toEqual(
          [
            [retried, 'skipped', '没有待处理的异常'],
            [bulkRetried, 'succeeded', null],
          ].sort(),
        );
      },
      { timeout: 30_000, interval: 250 },
    );
    await vi.waitFor(async () => expect(await statusOf(bulkRetried)).toBe('running'), {
      timeout: 30_000,
      interval: 250,
    });
  });

  it('lets the county admin withdraw the other with a reason, kept on the incident and the timeline', async () => {
    expect((await post(`/api/processes/${withdrawn}/incident/cancel`, 'admin', {})).status).toBe(400);
    const res = await post(`/api/processes/${withdrawn}/incident/cancel`, 'admin', { reason: '导师已调离，重新结对' });
    expect(res.status).toBe(200);
    await vi.waitFor(async () => expect(await statusOf(withdrawn)).toBe('cancelled'), {
      timeout: 30_000,
      interval: 250,
    });
    expect(
      await t.db.selectFrom('incidents').select(['status', 'reason']).where('process_id', '=', withdrawn).execute(),
    ).toEqual([{ status: 'cancelled', reason: '导师已调离，重新结对' }]);
    const events = await t.db
      .selectFrom('task_events')
      .select(['action', 'comment'])
      .where('process_id', '=', withdrawn)
      .execute();
    expect(events).toContainEqual({ action: 'cancel_requested', comment: '导师已调离，重新结对' });
    expect((await post(`/api/processes/${withdrawn}/incident/cancel`, 'admin', { reason: '再次' })).status).toBe(409);
    expect((await summary('admin')).total).toBe(1);
  });

  it('closes the incident too when the process page withdraws an 异常 process', async () => {
    const res = await post(`/api/processes/${cancelled}/cancel`, 'admin', { reason: '年度结对计划调整' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(
      await t.db.selectFrom('incidents').select(['status', 'reason']).where('process_id', '=', cancelled).execute(),
    ).toEqual([{ status: 'cancelled', reason: '年度结对计划调整' }]);
    await vi.waitFor(async () => expect(await statusOf(cancelled)).toBe('cancelled'), {
      timeout: 30_000,
      interval: 250,
    });
    expect((await summary('admin')).total).toBe(0);
  });
});
