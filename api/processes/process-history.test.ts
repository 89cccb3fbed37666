// 原始事件 of a mentor pairing started through the API: attributes decoded, an ID number and a
// phone in the pairing's reason masked for the auditor and not for the county admin, the
// download replayed by Worker.runReplayHistory, and the link into the Temporal UI.
import { createRequire } from 'node:module';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPairings } from '../../test/support/start-pairings.js';
import { createTestApp, type Session, type TestApp } from '../../test/support/test-app.js';
import { createApp } from '../app.js';

const require = createRequire(import.meta.url);
const ID_NUMBER = '430725199001011234';
const PHONE = '13812345678';
const REASON = `新任村干部，联系电话${PHONE}，身份证${ID_NUMBER}`;

let t: TestApp;
const as: Record<string, Session> = {};
let processId: string;

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  for (const u of ['admin', 'auditor', 'officer-01']) as[u] = await t.login(u);
  [{ id: processId }] = await startPairings(t, { officer: 'officer-01', count: 1, reason: REASON });
  // Until the history has the local activities that registered the process and opened its first
  // step: their task row is committed before the workflow task that records them completes.
  await vi.waitFor(async () => expect(JSON.stringify((await view('admin')).events)).toContain('"openScheduledStep"'), {
    timeout: 60_000,
    interval: 200,
  });
}, 120_000);
afterAll(() => t?.close());

interface HistoryView {
  events: { eventId: string; eventType: string; eventTime: string | null; attributes: Record<string, unknown> }[];
  masked: boolean;
  temporalUiUrl: string | null;
}

async function view(user: string): Promise<HistoryView> {
  const res = await t.request(`/api/processes/${processId}/history`, { as: as[user] });
  expect(res.status).toBe(200);
  return (await res.json()) as HistoryView;
}

describe('raw history', () => {
  it('shows each event with its attributes and payloads decoded; the county admin sees the reason whole', async () => {
    const { events, masked, temporalUiUrl } = await view('admin');
    expect(masked).toBe(false);
    expect(temporalUiUrl).toBeNull();
    const started = events[0];
    expect(started).toMatchObject({ eventId: '1', eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED' });
    expect(started.attributes).toMatchObject({
      workflowType: { name: 'mentorPairing' },
      input: { payloads: [expect.objectContaining({ reason: REASON })] },
    });
    // The process registers itself in a local activity: its marker names the activity, decoded.
    const registered = events.find(
      (e) => e.eventType === 'EVENT_TYPE_MARKER_RECORDED' && JSON.stringify(e.attributes).includes('"registerProcess"'),
    );
    expect(registered?.attributes).toMatchObject({ markerName: 'core_local_activity' });
    expect(registered?.attributes).toHaveProperty('details.data.payloads');
  });

  it('masks ID numbers and phones for the auditor, wherever they stand in a text', async () => {
    const { events, masked } = await view('auditor');
    expect(masked).toBe(true);
    const text = JSON.stringify(events);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
    expect(events[0].attributes).toMatchObject({
      input: {
        payloads: [expect.objectContaining({ reason: '新任村干部，联系电话138****5678，身份证****************34' })],
      },
    });
  });

  it('is the auditor’s and the county admin’s alone', async () => {
    expect((await t.request(`/api/processes/${processId}/history`, { as: as['officer-01'] })).status).toBe(403);
    expect((await t.request(`/api/processes/${processId}/history.json`, { as: as['officer-01'] })).status).toBe(403);
    expect((await t.request('/api/processes/no-such-process/history.json', { as: as.admin })).status).toBe(404);
  });

  it('downloads as the JSON Worker.runReplayHistory replays, masked for the auditor', async () => {
    for (const user of ['admin', 'auditor']) {
      const res = await t.request(`/api/processes/${processId}/history.json`, { as: as[user] });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`${processId}.json`);
      const text = await res.text();
      const decoded = JSON.stringify(
        (JSON.parse(text) as { events: unknown[] }).events.map((e) =>
          JSON.stringify(e).replace(/"data":"([^"]+)"/g, (_, d: string) => Buffer.from(d, 'base64').toString('utf8')),
        ),
      );
      expect(decoded.includes(PHONE), user).toBe(user === 'admin');
      await Worker.runReplayHistory(
        { workflowsPath: require.resolve('../../workflows/index.ts') },
        historyFromJSON(JSON.parse(text)),
        processId,
      );
    }
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('record_id', '=', processId)
      .where('action', '=', 'history.downloaded')
      .execute();
    expect(audit.map((a) => a.user_id).sort()).toEqual([as.admin.userId, as.auditor.userId].sort());
  }, 120_000);

  it('links to the workflow in the Temporal UI when its address is configured', async () => {
    const app = createApp({
      db: t.db,
      temporal: t.temporal,
      logger: pino({ level: 'silent' }),
      temporalUiUrl: 'http://127.0.0.1:8233/',
    });
    const res = await app.request(`/api/processes/${processId}/history`, {
      headers: { cookie: as.admin.cookie, 'x-csrf-token': as.admin.csrfToken },
    });
    expect(((await res.json()) as HistoryView).temporalUiUrl).toBe(
      `http://127.0.0.1:8233/namespaces/default/workflows/${processId}`,
    );
  });
});
