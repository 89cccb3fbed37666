// A targeted recruitment campaign from 报名 to the end of probation in seconds on the
// time-skipping server: five eligible applicants for one place, an upheld objection during the
// 公示, the written exam's 1:3 shortlist, a tie on the total broken by the written score and
// then by the order of application, a failed medical replaced by the next in rank (递补), the
// hire notice, approval, and the probation ending in the county's review.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import type { ReserveTestTownship } from '../reserve-cultivation/reserve-test-county.js';
import { createRecruitmentTownship, startCampaign, wait } from './recruitment-test-campaign.js';
import {
  applicantId,
  campaignProgressQuery,
  fileRecruitmentObjectionUpdate,
} from './targeted-recruitment-definition.js';

let h: ProcessHarness;
let t: ReserveTestTownship;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  h = await createProcessHarness();
  t = await createRecruitmentTownship(h, '430725981', 'tr');
}, 120_000);
afterAll(() => h?.close());

describe('targeted recruitment campaign', () => {
  it('runs from 报名 to the end of probation with an objection, a tie and a 递补', async () => {
    const { id, handle, phase, apply, paths } = await startCampaign(h, t, 'tr-');
    const [a0, a1, a2, a3, a4] = t.people;
    const apps: number[] = [];
    for (const p of [a0, a1, a2, a3, a4]) apps.push((await apply(p)).applicationId);
    // one application per person per campaign
    await expect(apply(a0)).rejects.toMatchObject({ cause: { type: 'task_closed' } });

    // the window closes; every township recommendation comes in
    await h.env.sleep(7 * DAY + 3600_000);
    await expect(apply(t.people[5])).rejects.toMatchObject({ cause: { type: 'task_closed' } });
    for (const app of apps)
      await h.act(applicantId('tr-', app), 'recommendation', 'tr-township_secretary', {
        action: 'approve',
        form: { opinion: '政治坚定，实绩突出，同意推荐' },
      });
    await h.act(id, 'county-review', 'admin', { action: 'approve', form: { disqualified: [] } });

    // 公示: an objection against a4 is upheld
    await phase('notice');
    // The phase is shown a moment before the notice opens (its schedule is read first): the
    // objection is filed once the workflow takes it, as a clerk would try again.
    const objector = await h.actor('admin');
    await vi.waitFor(
      () =>
        handle.executeUpdate(fileRecruitmentObjectionUpdate, {
          args: [{ actor: objector, applicationId: apps[4], reason: '反映其报名材料不实' }],
        }),
      wait,
    );
    await h.act(id, 'objection.o1', 'admin', { action: 'approve', form: { answer: '经核实属实，取消资格' } });
    await h.env.sleep(9 * DAY);

    // 笔试: one place, 1:3 → three to the interview; a3 is fourth
    await h.act(id, 'written', 'admin', {
      action: 'submit',
      form: {
        scores: [
          { applicationId: apps[0], score: 90 },
          { applicationId: apps[1], score: 80 },
          { applicationId: apps[2], score: 80 },
          { applicationId: apps[3], score: 70 },
        ],
        source: '省考试院笔试成绩.xlsx',
      },
    });
    // 面试: all three on 85 — a0 first by the written score, a1 before a2 by the order of application
    await h.act(id, 'interview', 'admin', {
      action: 'submit',
      form: {
        scores: [
          { applicationId: apps[0], score: 80 },
          { applicationId: apps[1], score: 90 },
          { applicationId: apps[2], score: 90 },
        ],
      },
    });
    await phase('inspecting');
    const ranking = (await handle.query(campaignProgressQuery)).applicants.map((a) => [
      a.applicationId,
      a.total,
      a.rank,
    ]);
    expect(ranking.slice(0, 3)).toEqual([
      [apps[0], 85, 1],
      [apps[1], 85, 2],
      [apps[2], 85, 3],
    ]);

    // 体检: a0 fails, a1 (next in rank) moves up and passes
    await h.act(id, `inspection.a${apps[0]}`, 'admin', {
      action: 'reject',
      form: { findings: '体检结论不合格' },
      comment: '体检不合格',
    });
    await h.act(id, `inspection.a${apps[1]}`, 'admin', { action: 'approve', form: { findings: '体检、考察合格' } });
    await phase('hire_notice');
    await h.env.sleep(8 * DAY);
    await h.act(id, 'approval.r1', 'admin', { action: 'approve', form: {} });
    expect(await handle.result()).toEqual({ hired: [apps[1]], replacements: 1, objections: 1 });

    // 试用期 (3 months for 事业编制) ends in the county's review
    await h.env.sleep(95 * DAY);
    await h.act(applicantId('tr-', apps[1]), 'probation.review', 'admin', {
      action: 'approve',
      form: { findings: '试用期表现良好，同意转正' },
    });
    const applicant = h.env.client.workflow.getHandle(applicantId('tr-', apps[1]));
    expect(await applicant.result()).toEqual({ status: 'confirmed' });
    expect(await h.env.client.workflow.getHandle(applicantId('tr-', apps[3])).result()).toEqual({
      status: 'not_shortlisted',
    });

    const { changes, path } = await paths(apps);
    expect(path(apps[1])).toEqual([
      'applied',
      'recommended',
      'qualified',
      'shortlisted',
      'ranked',
      'inspection',
      'proposed',
      'hired',
      'confirmed',
    ]);
    expect(path(apps[0])).toEqual([
      'applied',
      'recommended',
      'qualified',
      'shortlisted',
      'ranked',
      'inspection',
      'inspection_failed',
    ]);
    expect(path(apps[2])).toEqual(['applied', 'recommended', 'qualified', 'shortlisted', 'ranked', 'not_selected']);
    expect(path(apps[4])).toEqual(['applied', 'recommended', 'qualified', 'disqualified']);
    expect(changes.find((c) => c.application_id === apps[4] && c.to_status === 'disqualified')?.reason).toMatch(
      /公示异议成立/,
    );
    const hire = await h.db
      .selectFrom('recruitment_applications')
      .select(['status', 'hired_on', 'probation_ends_on', 'serves_until', 'total', 'rank'])
      .where('id', '=', apps[1])
      .executeTakeFirstOrThrow();
    expect(hire).toMatchObject({ status: 'confirmed', total: '85.00', rank: 2 });
    expect(hire.serves_until! > hire.probation_ends_on!).toBe(true);
    await h.recordHistory(id);
    await h.recordHistory(applicantId('tr-', apps[1]));
  }, 240_000);
});
