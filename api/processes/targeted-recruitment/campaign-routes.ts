// 定向考录 campaigns: the county admin plans a campaign as a draft (year, positions with their
// places, rules defaulting to the county's usual figures), changes the draft (its plan and
// rules: campaign-draft-routes.ts), then publishes it (公告): the version in force is frozen and the
// campaign workflow starts taking applications. Everyone signed in reads published campaigns
// with a funnel counted over the applications they may see.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { RECRUITMENT_POST_KINDS } from '../../../db/schema.js';
import { DEFAULT_RECRUITMENT_RULES, recruitmentRulesSchema } from '../../../domain/recruitment-rules.js';
import { recruitmentCampaign } from '../../../workflows/targeted-recruitment/recruitment-campaign-workflow.js';
import {
  campaignId as campaignWorkflowId,
  RECRUITMENT_CAMPAIGN,
} from '../../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import { writeAudit } from '../../audit/audit.js';
import { requireUser } from '../../auth/authenticate.js';
import { conflictField, fail } from '../../errors/errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { IdParam, jsonBody } from '../../resources/common.js';
import { createRouter } from '../../router.js';
import { plainText } from '../../validation/plain-text.js';
import { applicationScope, campaignInScope, campaignRules, seesCounty } from './campaign-access.js';
import { campaignPhase } from './campaign-phase.js';
import { funnelOf } from './funnel.js';

const tags = ['targeted-recruitment 定向考录'];

export const Position = z
  .object({
    kind: z
      .enum(RECRUITMENT_POST_KINDS)
      .openapi({ description: 'civil_service 乡镇公务员 / public_institution 事业编制' }),
    name: plainText().min(1).max(100),
    places: z.number().int().min(1).max(1000),
  })
  .strict();
/** Year, title and positions with their places: the plan of a draft, as created and as changed. */
export const planFields = {
  year: z.number().int().min(2000).max(2100),
  title: plainText().min(1).max(200).optional(),
  positions: z
    .array(Position)
    .min(1)
    .max(50)
    .refine((ps) => new Set(ps.map((p) => p.name)).size === ps.length, {
      message: '职位名称不能重复\u0001a position name is listed twice',
    }),
};
const CreateBody = z
  .object({
    ...planFields,
    rules: recruitmentRulesSchema.optional().openapi({ description: '缺省为县里的常用规则 defaults when absent' }),
  })
  .strict()
  .openapi('RecruitmentCampaignDraft');

const Campaign = z
  .object({
    id: z.number(),
    year: z.number(),
    title: z.string(),
    status: z.string(),
    rulesVersion: z.number(),
    rules: z.record(z.string(), z.unknown()),
    frozen: z.boolean(),
    workflowId: z.string().nullable(),
    publishedAt: z.string().nullable(),
    windowEndsAt: z.string().nullable(),
    phase: z.string().nullable().openapi({ description: 'applying, recommending, reviewing, notice, written, …' }),
    noticeEndsAt: z.string().nullable().openapi({ description: 'the end of the 公示 under way' }),
    positions: z.array(z.object({ id: z.number(), kind: z.string(), name: z.string(), places: z.number() })),
    funnel: z.array(z.object({ stage: z.string(), count: z.number() })),
    byStatus: z.record(z.string(), z.number()),
  })
  .openapi('RecruitmentCampaign');
const Summary = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  status: z.string(),
  places: z.number(),
  publishedAt: z.string().nullable(),
});

const routes = {
  create: createRoute({
    method: 'post',
    path: '/campaigns',
    tags,
    middleware: requireUser,
    summary: 'Plan a campaign as a draft (拟定定向考录方案): year, positions with places, rules',
    request: jsonBody(CreateBody),
    responses: {
      201: jsonResponse(z.object({ id: z.number(), rulesVersion: z.number() }), 'Draft saved'),
      ...errorResponses(400, 401, 403, 409),
    },
  }),
  publish: createRoute({
    method: 'post',
    path: '/campaigns/{id}/publish',
    tags,
    middleware: requireUser,
    summary: 'Publish the campaign (发布公告): freezes its rules and opens the application window',
    request: { params: IdParam },
    responses: {
      200: jsonResponse(z.object({ id: z.number(), rulesVersion: z.number(), workflowId: z.string() }), 'Published'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/campaigns',
    tags,
    middleware: requireUser,
    summary: 'Campaigns, newest first (drafts for the county only)',
    responses: { 200: jsonResponse(z.object({ data: z.array(Summary) }), 'Campaigns'), ...errorResponses(401) },
  }),
  one: createRoute({
    method: 'get',
    path: '/campaigns/{id}',
    tags,
    middleware: requireUser,
    summary: 'A campaign with its positions, rules and the funnel of the applications you may see',
    request: { params: IdParam },
    responses: { 200: jsonResponse(Campaign, 'The campaign'), ...errorResponses(400, 401, 404) },
  }),
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function createCampaignRoutes() {
  const app = createRouter();

  app.openapi(routes.create, async (c) => {
    const user = c.var.user;
    if (user.role !== 'county_admin') throw fail('forbidden');
    const body = c.req.valid('json');
    const rules = body.rules ?? DEFAULT_RECRUITMENT_RULES;
    const id = await c.var.deps.db.transaction().execute(async (trx) => {
      const campaign = await trx
        .insertInto('recruitment_campaigns')
        .values({ year: body.year, title: body.title ?? `${body.year} 年定向考录`, created_by: user.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('recruitment_campaign_rules')
        .values({ campaign_id: campaign.id, version: 1, rules: JSON.stringify(rules), changed_by: user.id })
        .execute();
      await trx
        .insertInto('recruitment_positions')
        .values(body.positions.map((p) => ({ campaign_id: campaign.id, ...p })))
        .execute();
      return campaign.id;
    });
    await writeAudit(c, {
      action: 'record.created',
      resource: 'recruitment_campaigns',
      recordId: id,
      detail: { year: body.year, positions: body.positions.length },
    });
    return c.json({ id, rulesVersion: 1 }, 201);
  });

  app.openapi(routes.publish, async (c) => {
    const user = c.var.user;
    const campaign = await campaignInScope(c, c.req.valid('param').id);
    if (user.role !== 'county_admin') throw fail('forbidden');
    const { client, taskQueue, idPrefix = '' } = c.var.deps.temporal;
    const workflowId = campaignWorkflowId(idPrefix, campaign.id);
    const published = await c.var.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('recruitment_campaigns')
        .select('status')
        .where('id', '=', campaign.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.status !== 'draft') throw conflictField('status', '该方案已经发布', 'the campaign is already published');
      const { version, rules } = await campaignRules(c, { id: campaign.id, rules_version: null });
      const positions = await trx
        .selectFrom('recruitment_positions')
        .select(['id', 'kind', 'name', 'places'])
        .where('campaign_id', '=', campaign.id)
        .orderBy('id')
        .execute();
      await trx
        .updateTable('recruitment_campaigns')
        .set({
          status: 'published',
          rules_version: version,
          workflow_id: workflowId,
          published_by: user.id,
          published_at: new Date(),
        })
        .where('id', '=', campaign.id)
        .execute();
      // Started inside the transaction: a failed start leaves the campaign a draft.
      await client.workflow
        .start(recruitmentCampaign, {
          taskQueue,
          workflowId,
          args: [
            {
              campaignId: campaign.id,
              year: campaign.year,
              title: campaign.title,
              rules,
              rulesVersion: version,
              positions: positions.map((p) => ({ positionId: p.id, kind: p.kind, name: p.name, places: p.places })),
              startedBy: user.id,
              idPrefix,
            },
          ],
        })
        .catch((error) => {
          if (error instanceof WorkflowExecutionAlreadyStartedError)
            throw conflictField('status', '该方案已经发布', 'the campaign is already published');
          throw error;
        });
      return { version };
    });
    await writeAudit(c, {
      action: 'process.started',
      resource: 'processes',
      recordId: workflowId,
      detail: { type: RECRUITMENT_CAMPAIGN, campaignId: campaign.id, rulesVersion: published.version },
    });
    return c.json({ id: campaign.id, rulesVersion: published.version, workflowId }, 200);
  });

  app.openapi(routes.list, async (c) => {
    let q = c.var.deps.db
      .selectFrom('recruitment_campaigns as c')
      .select((eb) => [
        'c.id',
        'c.year',
        'c.title',
        'c.status',
        'c.published_at',
        eb
          .selectFrom('recruitment_positions as p')
          .select(sql<number>`coalesce(sum(p.places), 0)::int`.as('places'))
          .whereRef('p.campaign_id', '=', 'c.id')
          .as('places'),
      ])
      .orderBy('c.year', 'desc')
      .orderBy('c.id', 'desc');
    if (!seesCounty(c.var.user)) q = q.where('c.status', '!=', 'draft');
    const rows = await q.execute();
    return c.json(
      {
        data: rows.map((r) => ({
          id: r.id,
          year: r.year,
          title: r.title,
          status: r.status,
          places: Number(r.places ?? 0),
          publishedAt: iso(r.published_at),
        })),
      },
      200,
    );
  });

  app.openapi(routes.one, async (c) => {
    const campaign = await campaignInScope(c, c.req.valid('param').id);
    const { version, rules } = await campaignRules(c, campaign);
    const db = c.var.deps.db;
    const positions = await db
      .selectFrom('recruitment_positions')
      .select(['id', 'kind', 'name', 'places'])
      .where('campaign_id', '=', campaign.id)
      .orderBy('id')
      .execute();
    let q = db
      .selectFrom('recruitment_applications')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .where('campaign_id', '=', campaign.id)
      .groupBy('status');
    const scope = applicationScope(c.var.user);
    if (scope) q = q.where(scope.column, '=', scope.value);
    const counts = await q.execute();
    const byStatus = Object.fromEntries(counts.map((r) => [r.status, Number(r.n)]));
    const windowEndsAt =
      campaign.published_at === null
        ? null
        : new Date(campaign.published_at.getTime() + rules.applicationDays * 24 * 3600_000).toISOString();
    return c.json(
      {
        id: campaign.id,
        year: campaign.year,
        title: campaign.title,
        status: campaign.status,
        rulesVersion: version,
        rules,
        frozen: campaign.status !== 'draft',
        workflowId: campaign.workflow_id,
        publishedAt: iso(campaign.published_at),
        windowEndsAt,
        ...(await campaignPhase(c, campaign)),
        positions,
        funnel: funnelOf(byStatus),
        byStatus,
      },
      200,
    );
  });

  return app;
}
