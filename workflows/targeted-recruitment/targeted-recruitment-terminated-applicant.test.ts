// An operator's 强制终止 of one applicant's workflow, on the time-skipping server: the
// application reads 已取消 with why, nothing the campaign decides for it afterwards is written,
// and the campaign still ends as it would have: telling a closed applicant of its outcome must
// not fail the campaign's run for everyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordProcessClosed } from '../../activities/process-status/close-process.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import type { ReserveTestTownship } from '../reserve-cultivation/reserve-test-county.js';
import { createRecruitmentTownship, scoreExams, startCampaign, throughReview } from './recruitment-test-campaign.js';
import { applicantId } from './targeted-recruitment-definition.js';

let h: ProcessHarness;
let t: ReserveTestTownship;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await createProcessHarness();
  t = await createRecruitmentTownship(h, '430725984', 'trt');
}, 120_000);
afterAll(() => h?.close());

describe('an applicant terminated on its own', () => {
  it('reads 已取消 with the reason, and the campaign still hires and ends', async () => {
    const c = await startCampaign(h, t, 'trt-');
    const [first, second] = await throughReview(h, t, c, 'trt-', 2);
    await scoreExams(h, c, [first, second]);
    await c.phase('inspecting');

    // the second in rank's workflow is terminated as an operator would, and its end recorded
    // as the API's 强制终止 and the reconciler record it
    const id = applicantId('trt-', second);
    const applicant = h.env.client.workflow.getHandle(id);
    const { runId } = await applicant.describe();
    await applicant.terminate('重复报名');
    await recordProcessClosed(h.db, {
      processId: id,
      runId,
      status: 'terminated',
      at: new Date(),
      reason: '重复报名',
      actorUserId: null,
    });

    await h.act(c.id, `inspection.a${first}`, 'admin', { action: 'approve', form: { findings: '体检、考察合格' } });
    await c.phase('hire_notice');
    await h.env.sleep(8 * DAY);
    await h.act(c.id, 'approval.r1', 'admin', { action: 'approve', form: {} });
    expect(await c.handle.result()).toEqual({ hired: [first], replacements: 0, objections: 0 });

    const { changes, path } = await c.paths([first, second]);
    expect(path(first).at(-1)).toBe('hired');
    expect(path(second)).toEqual(['applied', 'recommended', 'qualified', 'shortlisted', 'ranked', 'cancelled']);
    expect(changes.find((x) => x.application_id === second && x.to_status === 'cancelled')?.reason).toBe(
      '报考人流程已强制终止：重复报名',
    );
    const campaign = await h.db
      .selectFrom('recruitment_campaigns')
      .select('status')
      .where('id', '=', c.campaignId)
      .executeTakeFirstOrThrow();
    expect(campaign.status).toBe('closed');
  }, 240_000);
});
