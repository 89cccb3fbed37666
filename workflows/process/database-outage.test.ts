// A database outage on the time-skipping server with the real activities: the worker reaches
// PostgreSQL through a forwarder that refuses every connection, as a stopped server does. A
// pairing started meanwhile neither fails nor raises an incident (异常): past one round of
// retries it waits on a timer, and once the database is back it opens its first step and goes on.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { databaseOutage, type DatabaseOutage } from '../../test/support/database-outage.js';
import { pairingInput } from '../../test/support/pairing-input.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import type { MentorPairingInput } from '../mentor-pairing/mentor-pairing-definition.js';
import { mentorPairing } from '../mentor-pairing/mentor-pairing-workflow.js';

let h: ProcessHarness;
let outage: DatabaseOutage;
let input: MentorPairingInput;

beforeAll(async () => {
  h = await createProcessHarness({ workerDatabaseUrl: async (url) => (outage = await databaseOutage(url)).url });
  ({ input } = await pairingInput(h.db, (await h.actor('officer-01')).userId));
}, 120_000);
afterAll(async () => {
  await h?.close();
  await outage?.close();
});

const incidentsOf = (id: string) => h.db.selectFrom('incidents').select('id').where('process_id', '=', id).execute();

it('waits for a database that cannot be reached, without an incident, and goes on when it is back', async () => {
  const id = 'mentor-pairing-database-outage';
  await outage.begin();
  const handle = await h.env.client.workflow.start(mentorPairing, {
    taskQueue: h.taskQueue,
    workflowId: id,
    args: [input],
  });

  // Its first write fails past the bounded retries (about 13 s), and the workflow waits.
  const failures = await vi.waitFor(
    async () => {
      const { events } = await handle.fetchHistory();
      expect(events!.some((e) => e.timerStartedEventAttributes)).toBe(true);
      return events!.flatMap((e) => e.markerRecordedEventAttributes?.failure ?? []);
    },
    { timeout: 90_000, interval: 500 },
  );
  expect(failures.map((f) => [f.applicationFailureInfo?.type, f.message, f.cause?.message])).toEqual([
    ['DatabaseUnavailableError', expect.stringMatching(/^数据库暂时无法连接/), expect.stringContaining('ECONNREFUSED')],
  ]);
  expect(await incidentsOf(id)).toEqual([]);
  const { status } = await handle.describe();
  expect(status.name).toBe('RUNNING');

  // The database is back: after the wait the process registers, opens its first step and goes on.
  await outage.end();
  await h.env.sleep('1 minute');
  await h.act(id, 'proposal.approval', 'secretary-01', { action: 'reject', comment: '导师工作任务较重', form: {} });
  expect(await handle.result()).toMatchObject({ status: 'rejected' });
  expect(
    (await h.db.selectFrom('processes').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
  ).toBe('rejected');
  expect(await incidentsOf(id)).toEqual([]);
  await h.recordHistory(id);
}, 180_000);
