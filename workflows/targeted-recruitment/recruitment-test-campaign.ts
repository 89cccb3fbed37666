// The county the targeted recruitment workflow tests run in: a township of the reserve tests
// whose people are deputy secretaries since 2020 and competent every year on file, and a
// published campaign of one position started on the time-skipping server, with helpers to
// apply, act and read its progress.
import { vi } from 'vitest';
import { DEFAULT_RECRUITMENT_RULES } from '../../domain/recruitment-rules.js';
import type { ProcessHarness } from '../../test/support/process-harness.js';
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

export const wait = { timeout: 20_000, interval: 100 };

/** A township whose people all meet the default rules. */
export async function createRecruitmentTownship(h: ProcessHarness, code: string, tag: string) {
  const t = await createReserveTestTownship(h.db, code, tag, 2);
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
  return t;
}

/** Publishes a campaign of one 事业编制 position with `places` and starts its workflow under `prefix`. */
export async function startCampaign(h: ProcessHarness, t: ReserveTestTownship, prefix: string, places = 1) {
  const title = '2026 年定向考录';
  const campaign = await h.db
    .insertInto('recruitment_campaigns')
    .values({ year: 2026, title, status: 'published', rules_version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('recruitment_campaign_rules')
    .values({ campaign_id: campaign.id, version: 1, rules: JSON.stringify(DEFAULT_RECRUITMENT_RULES) })
    .execute();
  const position = await h.db
    .insertInto('recruitment_positions')
    .values({ campaign_id: campaign.id, kind: 'public_institution', name: '乡镇事业站所', places })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = campaignId(prefix, campaign.id);
  const handle = await h.env.client.workflow.start(recruitmentCampaign, {
    taskQueue: h.taskQueue,
    workflowId: id,
    args: [
      {
        campaignId: campaign.id,
        year: 2026,
        title,
        rules: DEFAULT_RECRUITMENT_RULES,
        rulesVersion: 1,
        positions: [{ positionId: position.id, kind: 'public_institution', name: '乡镇事业站所', places }],
        startedBy: null,
        idPrefix: prefix,
      },
    ],
  });
  const phase = async (want: CampaignPhase) =>
    vi.waitFor(async () => {
      const now = (await handle.query(campaignProgressQuery)).phase;
      if (now !== want) throw new Error(`the campaign is at ${now}, not ${want}`);
    }, wait);
  const apply = async (p: ReserveTestTownship['people'][number]) =>
    handle.executeUpdate(applyUpdate, {
      args: [
        {
          actor: await h.actor('admin'),
          person: { personId: p.id, name: p.name, townshipId: t.townshipId, villageId: p.villageId },
          positionId: position.id,
        },
      ],
    });
  /** The status path of each application, from its status change rows. */
  const paths = async (apps: number[]) => {
    const changes = await h.db
      .selectFrom('recruitment_status_changes')
      .select(['application_id', 'to_status', 'reason'])
      .where('application_id', 'in', apps)
      .orderBy('id')
      .execute();
    return {
      changes,
      path: (app: number) => changes.filter((c) => c.application_id === app).map((c) => c.to_status),
    };
  };
  /** The campaign's row status (已发布, 已结束 …). */
  const rowStatus = async () =>
    (
      await h.db
        .selectFrom('recruitment_campaigns')
        .select('status')
        .where('id', '=', campaign.id)
        .executeTakeFirstOrThrow()
    ).status;
  /** The campaign's tasks of one step (its occurrence key), with their status and context. */
  const stepTasks = (stepKey: string) =>
    h.db
      .selectFrom('tasks')
      .select(['status', 'context'])
      .where('process_id', '=', id)
      .where('step_key', '=', stepKey)
      .orderBy('id')
      .execute();
  return { id, campaignId: campaign.id, positionId: position.id, handle, phase, apply, paths, rowStatus, stepTasks };
}

export type TestCampaign = Awaited<ReturnType<typeof startCampaign>>;
const DAY = 24 * 3600_000;

/**
 * Applies the first `n` people of the township `tag`, closes the window, recommends them and
 * qualifies them at review (refusing those listed); the campaign is then on its 公示.
 */
export async function throughReview(
  h: ProcessHarness,
  t: ReserveTestTownship,
  c: TestCampaign,
  prefix: string,
  n: number,
  refuse: (apps: number[]) => number[] = () => [],
) {
  const tag = t.people[0].username.split('-cadre-')[0];
  const apps: number[] = [];
  for (const p of t.people.slice(0, n)) apps.push((await c.apply(p)).applicationId);
  await h.env.sleep(7 * DAY + 3600_000);
  for (const app of apps)
    await h.act(applicantId(prefix, app), 'recommendation', `${tag}-township_secretary`, {
      action: 'approve',
      form: { opinion: '同意推荐' },
    });
  await h.act(c.id, 'county-review', 'admin', {
    action: 'approve',
    form: { disqualified: refuse(apps).map((applicationId) => ({ applicationId, reason: '部务会研究不予通过' })) },
  });
  await c.phase('notice');
  return apps;
}

/** Both exams scored in the order given (the first ranks first), the notice of the qualified over. */
export async function scoreExams(h: ProcessHarness, c: TestCampaign, apps: number[]) {
  await h.env.sleep(9 * DAY);
  const scores = apps.map((applicationId, i) => ({ applicationId, score: 90 - 10 * i }));
  await h.act(c.id, 'written', 'admin', { action: 'submit', form: { scores } });
  await h.act(c.id, 'interview', 'admin', { action: 'submit', form: { scores } });
}

/** Files an objection once the notice takes it (the phase shows a moment before the notice opens). */
export async function fileObjection(h: ProcessHarness, c: TestCampaign, applicationId: number, reason: string) {
  const actor = await h.actor('admin');
  await vi.waitFor(
    () => c.handle.executeUpdate(fileRecruitmentObjectionUpdate, { args: [{ actor, applicationId, reason }] }),
    wait,
  );
}
