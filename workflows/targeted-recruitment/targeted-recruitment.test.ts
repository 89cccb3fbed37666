// A targeted recruitment campaign from 报名 to the end of probation in seconds on the
// time-skipping server: five eligible applicants for one place, an upheld objection during the
// 公示, the written exam's 1:3 shortlist, a tie on the total broken by the written score and
// then by the order of application, a failed medical replaced by the next in rank (递补), the
// hire notice, approval, and the probation ending in the county's review.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RECRUITMENT_RULES } from '../../domain/recruitment-rules.js';
import { createProcessHarness, type ProcessHarness } from '../../test/support/process-harness.js';
import { createReserveTestTownship, type ReserveTestTownship } from '../reserve-cultivation/reserve-test-county.js';
import { recruitmentCampaign } from './recruitment-campaign-workflow.js';
import {
  applicantId,
  applyUpdate,
  campaignId,
  campaignProgressQuery,
  fileRecruitmentObjectionUpdate,
  type CampaignPhase,
} from './targeted-recruitment-definition.js';

let h: ProcessHarness;
let t: ReserveTestTownship;
const DAY = 24 * 3600_000;
const wait = { timeout: 20_000, interval: 100 };

beforeAll(async () => {
  h = await createProcessHarness();
  t = await createReserveTestTownship(h.db, '430725981', 'tr', 2);
  // Each of them a deputy secretary since 2020, competent every year on file.
  for (const p of t.people) {
    await h.db
      .insertInto('positions')
      .values({
        person_id: p.id,
        committee: 'party_branch',
        title: 'deputy_secretary',
        term_start: '2020-01-01',
        term_end: '2030-12-31',
      })
      .execute();
    for (const year of [2022, 2023, 2024, 2025, 2026, 2027])
      await h.db
        .insertInto('assessment_results')
        .values({
          year,
          person_id: p.id,
          township_id: t.townshipId,
          version: 1,
          total: 85,
          grade: 'competent',
          final: true,
        })
        .execute();
  }
}, 120_000);
afterAll(() => h?.close());

describe('targeted recruitment campaign', () => {
  it('runs from 报名 to the end of probation with an objection, a tie and a 递补', async () => {
    const campaign = await h.db
      .insertInto('recruitment_campaigns')
      .values({ year: 2026, title: '2026 年定向考录', status: 'published', rules_version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('recruitment_campaign_rules')
      .values({ campaign_id: campaign.id, version: 1, rules: JSON.stringify(DEFAULT_RECRUITMENT_RULES) })
      .execute();
    const position = await h.db
      .insertInto('recruitment_positions')
      .values({ campaign_id: campaign.id, kind: 'public_institution', name: '乡镇事业站所', places: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = campaignId('tr-', campaign.id);
    const handle = await h.env.client.workflow.start(recruitmentCampaign, {
      taskQueue: h.taskQueue,
      workflowId: id,
      args: [
        {
          campaignId: campaign.id,
          year: 2026,
          title: '2026 年定向考录',
          rules: DEFAULT_RECRUITMENT_RULES,
          rulesVersion: 1,
          positions: [{ positionId: position.id, kind: 'public_institution', name: '乡镇事业站所', places: 1 }],
          startedBy: null,
          idPrefix: 'tr-',
        },
      ],
    });
    const phase = async (want: CampaignPhase) =>
      vi.waitFor(async () => expect((await handle.query(campaignProgressQuery)).phase).toBe(want), wait);
    const apply = async (p: (typeof t.people)[number]) =>
      handle.executeUpdate(applyUpdate, {
        args: [
          {
            actor: await h.actor('admin'),
            person: { personId: p.id, name: p.name, townshipId: t.townshipId, villageId: p.villageId },
            positionId: position.id,
          },
        ],
      });
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

    const changes = await h.db
      .selectFrom('recruitment_status_changes')
      .select(['application_id', 'to_status', 'reason'])
      .where('application_id', 'in', apps)
      .orderBy('id')
      .execute();
    const path = (app: number) => changes.filter((c) => c.application_id === app).map((c) => c.to_status);
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
