// A campaign terminated from outside (an operator's CLI), on the time-skipping server: the
// reconciler's repair closes its row and cancels its applications, and what the campaign's end
// owes its applicants is told too: their workflows, which Temporal leaves running, are withdrawn
// and close their own rows and tasks, as the county's 强制终止 does.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeAndTell } from '../../activities/process-status/close-process.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import type { ReserveTestTownship } from '../reserve-cultivation/reserve-test-county.js';
import { createRecruitmentTownship, startCampaign, throughReview } from './recruitment-test-campaign.js';
import { applicantId } from './targeted-recruitment-definition.js';

let h: ProcessHarness;
let t: ReserveTestTownship;

beforeAll(async () => {
  h = await createProcessHarness();
  t = await createRecruitmentTownship(h, '430725985', 'ttc');
}, 120_000);
afterAll(() => h?.close());

describe('a campaign terminated from outside', () => {
  it('is repaired by the reconciler, which withdraws its applicants', async () => {
    const c = await startCampaign(h, t, 'ttc-');
    const apps = await throughReview(h, t, c, 'ttc-', 2);
    const applicants = apps.map((app) => applicantId('ttc-', app));
    const processStatuses = () =>
      h.db.selectFrom('processes').select('status').where('id', 'in', applicants).orderBy('id').execute();
    expect((await processStatuses()).map((p) => p.status)).toEqual(['running', 'running']);

    // the time-skipping server lists no workflows nor reads a history backwards: the
    // reconciler's write and telling of what it would have found
    const { runId } = await c.handle.describe();
    await c.handle.terminate('方案有误');
    const closed = { processId: c.id, runId, reason: '方案有误', actorUserId: null };
    expect(
      await closeAndTell({ db: h.db, client: h.env.client }, { ...closed, status: 'terminated', at: new Date() }),
    ).toEqual({ closed: true });

    const { changes, path } = await c.paths(apps);
    for (const app of apps) expect(path(app).at(-1)).toBe('cancelled');
    expect(changes.filter((x) => x.to_status === 'cancelled').map((x) => x.reason)).toEqual([
      '考录流程已强制终止：方案有误',
      '考录流程已强制终止：方案有误',
    ]);
    await vi.waitFor(
      async () => expect((await processStatuses()).map((p) => p.status)).toEqual(['cancelled', 'cancelled']),
      {
        timeout: 30_000,
        interval: 100,
      },
    );
    const told = await h.db
      .selectFrom('owed_tellings')
      .select(['attempts', 'told_at'])
      .where('process_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(told.attempts).toBe(1);
    expect(told.told_at).toBeInstanceOf(Date);
  }, 240_000);
});
