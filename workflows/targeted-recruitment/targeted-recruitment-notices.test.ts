// Targeted recruitment on the time-skipping server, past the ranking: an objection upheld during
// the hire notice (拟录用公示) takes the proposed hire off the list and the next in rank moves
// up (递补) for a second round, where an objection answered as unfounded leaves the hire
// standing; and a campaign withdrawn (撤销) during its 公示 cancels the applications still under
// way with the county's reason, keeps the outcomes reached, withdraws every applicant workflow
// (no task left open), and reads 已取消.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import type { ReserveTestTownship } from '../reserve-cultivation/reserve-test-county.js';
import {
  createRecruitmentTownship,
  fileObjection,
  scoreExams,
  startCampaign,
  throughReview,
} from './recruitment-test-campaign.js';
import { applicantId } from './targeted-recruitment-definition.js';

let h: ProcessHarness;
let t: ReserveTestTownship;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await createProcessHarness();
  t = await createRecruitmentTownship(h, '430725982', 'trn');
}, 120_000);
afterAll(() => h?.close());

describe('targeted recruitment notices and withdrawal', () => {
  it('an objection upheld during the hire notice moves the next in rank up; one dismissed leaves the hire', async () => {
    const c = await startCampaign(h, t, 'trn-');
    const [a0, a1, a2] = await throughReview(h, t, c, 'trn-', 3);
    await scoreExams(h, c, [a0, a1, a2]);
    await h.act(c.id, `inspection.a${a0}`, 'admin', { action: 'approve', form: { findings: '体检、考察合格' } });

    // 拟录用公示: an objection against a0 is upheld; a0 leaves the list
    await c.phase('hire_notice');
    await fileObjection(h, c, a0, '反映其任职期间存在违规问题');
    await h.act(c.id, 'objection.o1', 'admin', { action: 'approve', form: { answer: '经核实属实，取消拟录用资格' } });
    await h.env.sleep(8 * DAY);

    // 递补: a1, next in rank, passes 体检/考察 and is on a second hire notice
    await h.act(c.id, `inspection.a${a1}`, 'admin', { action: 'approve', form: { findings: '体检、考察合格' } });
    await c.phase('hire_notice');
    await fileObjection(h, c, a1, '反映其学历材料有疑问');
    await h.act(c.id, 'objection.o2', 'admin', {
      action: 'reject',
      form: { answer: '经核实学历真实，异议不成立' },
      comment: '经核实学历真实，异议不成立',
    });
    await h.env.sleep(8 * DAY);
    await h.act(c.id, 'approval.r2', 'admin', { action: 'approve', form: {} });
    expect(await c.handle.result()).toEqual({ hired: [a1], replacements: 1, objections: 2 });

    const { changes, path } = await c.paths([a0, a1, a2]);
    expect(path(a0)).toEqual([
      'applied',
      'recommended',
      'qualified',
      'shortlisted',
      'ranked',
      'inspection',
      'proposed',
      'disqualified',
    ]);
    expect(changes.find((x) => x.application_id === a0 && x.to_status === 'disqualified')?.reason).toBe(
      '公示异议成立：经核实属实，取消拟录用资格',
    );
    expect(path(a1)).toEqual([
      'applied',
      'recommended',
      'qualified',
      'shortlisted',
      'ranked',
      'inspection',
      'proposed',
      'hired',
    ]);
    expect(path(a2)).toEqual(['applied', 'recommended', 'qualified', 'shortlisted', 'ranked', 'not_selected']);
    const replacement = await h.db
      .selectFrom('task_events')
      .select('detail')
      .where('process_id', '=', c.id)
      .where('action', '=', 'replacement')
      .executeTakeFirstOrThrow();
    expect(replacement.detail).toMatchObject({ replaced: t.people[0].name, applicationId: a1, rank: 2 });
    await h.recordHistory(c.id);
  }, 240_000);

  it('a campaign withdrawn during its 公示 cancels the applications under way with its reason and withdraws every applicant workflow', async () => {
    const c = await startCampaign(h, t, 'trc-');
    const [a0, a1, a2] = await throughReview(h, t, c, 'trc-', 3, (apps) => [apps[2]]);
    const running = await h.openTask(applicantId('trc-', a0), 'recommendation').catch(() => null);
    expect(running, 'no recommendation is left open').toBeNull();

    // 撤销 as the API does it: the reason on the campaign's timeline, then the cancellation
    await h.db
      .insertInto('task_events')
      .values({
        event_key: `${c.id}:cancel-requested:test`,
        process_id: c.id,
        at: new Date(),
        actor_user_id: (await h.actor('admin')).userId,
        action: 'cancel_requested',
        comment: '上级通知本年度考录暂停',
        detail: '{}',
      })
      .execute();
    await c.handle.cancel();
    await expect(c.handle.result()).rejects.toThrow();

    const { changes, path } = await c.paths([a0, a1, a2]);
    for (const app of [a0, a1]) {
      expect(path(app)).toEqual(['applied', 'recommended', 'qualified', 'cancelled']);
      expect(changes.find((x) => x.application_id === app && x.to_status === 'cancelled')?.reason).toBe(
        '考录方案已撤销：上级通知本年度考录暂停',
      );
      await expect(h.env.client.workflow.getHandle(applicantId('trc-', app)).result()).rejects.toThrow();
    }
    // an outcome reached before stands; its workflow is withdrawn with the campaign
    expect(path(a2)).toEqual(['applied', 'recommended', 'disqualified']);
    await expect(h.env.client.workflow.getHandle(applicantId('trc-', a2)).result()).rejects.toThrow();

    const processes = await h.db
      .selectFrom('processes')
      .select(['id', 'status'])
      .where('id', 'in', [c.id, ...[a0, a1, a2].map((a) => applicantId('trc-', a))])
      .orderBy('id')
      .execute();
    expect(Object.fromEntries(processes.map((p) => [p.id, p.status]))).toEqual({
      [c.id]: 'cancelled',
      [applicantId('trc-', a0)]: 'cancelled',
      [applicantId('trc-', a1)]: 'cancelled',
      [applicantId('trc-', a2)]: 'cancelled',
    });
    const campaign = await h.db
      .selectFrom('recruitment_campaigns')
      .select('status')
      .where('id', '=', c.campaignId)
      .executeTakeFirstOrThrow();
    expect(campaign.status).toBe('cancelled');
    const open = await h.db
      .selectFrom('tasks')
      .select('id')
      .where(
        'process_id',
        'in',
        processes.map((p) => p.id),
      )
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
    await h.recordHistory(c.id);
    await h.recordHistory(applicantId('trc-', a0));
  }, 240_000);
});
