// A draft campaign's changes, the county admin's alone: its plan (year, title, positions with
// their places) and its rules (报考条件, the days of the window and the notices, exams, bonus,
// probation), each change of the rules a new version. Once published (公告) both are frozen:
// 409 naming the field, and the version in force is the one the campaign runs under.
import { createRoute, z } from '@hono/zod-openapi';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { recruitmentRulesSchema, type RecruitmentRules } from '../../../domain/recruitment-rules.js';
import { writeAudit } from '../../audit/audit.js';
import { requireUser } from '../../auth/authenticate.js';
import { conflictField, fail } from '../../errors/errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { IdParam, isUniqueViolation, jsonBody } from '../../resources/common.js';
import { createRouter } from '../../router.js';
import { plainText } from '../../validation/plain-text.js';
import { campaignInScope } from './campaign-access.js';
import { planFields } from './campaign-routes.js';

const tags = ['targeted-recruitment 定向考录'];

const reason = plainText().max(200).optional();
const RulesBody = z.object({ rules: recruitmentRulesSchema, reason }).strict().openapi('RecruitmentRulesChange');
const PlanBody = z
  .object({
    ...planFields,
    rules: recruitmentRulesSchema.optional().openapi({ description: '同时修改规则（新版本） a new rules version too' }),
    reason,
  })
  .strict()
  .openapi('RecruitmentPlanChange');
const Changed = z.object({ id: z.number(), rulesVersion: z.number() });

const routes = {
  plan: createRoute({
    method: 'put',
    path: '/campaigns/{id}',
    tags,
    middleware: requireUser,
    summary: "Change a draft's plan (year, title, positions with places) and, when given, its rules",
    description:
      'The positions replace those of the draft. A published campaign is frozen: 409. Rules given are a new version, as PUT …/rules.',
    request: { params: IdParam, ...jsonBody(PlanBody) },
    responses: { 200: jsonResponse(Changed, 'Saved'), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  rules: createRoute({
    method: 'put',
    path: '/campaigns/{id}/rules',
    tags,
    middleware: requireUser,
    summary: "Change a draft's rules: a new version; a published campaign's rules are frozen (409)",
    request: { params: IdParam, ...jsonBody(RulesBody) },
    responses: { 200: jsonResponse(Changed, 'New version'), ...errorResponses(400, 401, 403, 404, 409) },
  }),
};

const frozen = (field: string) =>
  conflictField(
    field,
    '方案已发布，方案和规则已冻结，不能再修改',
    'the campaign is published: its plan and rules are frozen',
  );

/** Locks the draft row: a publication at the same moment freezes it before or after this change, not during. */
async function lockDraft(trx: Transaction<Database>, id: number, field: string): Promise<void> {
  const row = await trx
    .selectFrom('recruitment_campaigns')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (row.status !== 'draft') throw frozen(field);
}

/** The latest version of a draft's rules. */
async function currentVersion(trx: Transaction<Database>, campaignId: number): Promise<number> {
  const { max } = await trx
    .selectFrom('recruitment_campaign_rules')
    .select(sql<number>`max(version)`.as('max'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return Number(max ?? 0);
}

async function addRulesVersion(
  trx: Transaction<Database>,
  campaignId: number,
  change: { rules: RecruitmentRules; reason?: string; by: number },
): Promise<number> {
  const next = (await currentVersion(trx, campaignId)) + 1;
  await trx
    .insertInto('recruitment_campaign_rules')
    .values({
      campaign_id: campaignId,
      version: next,
      rules: JSON.stringify(change.rules),
      changed_by: change.by,
      reason: change.reason ?? null,
    })
    .execute();
  return next;
}

const staleRules = (error: unknown) => {
  if (isUniqueViolation(error))
    throw conflictField('rules', '规则刚被他人修改，请刷新后重试', 'the rules were just changed; reload');
  throw error;
};

export function createCampaignDraftRoutes() {
  const app = createRouter();

  app.openapi(routes.plan, async (c) => {
    const user = c.var.user;
    const campaign = await campaignInScope(c, c.req.valid('param').id);
    if (user.role !== 'county_admin') throw fail('forbidden');
    const body = c.req.valid('json');
    if (campaign.status !== 'draft') throw frozen('status');
    const version = await c.var.deps.db
      .transaction()
      .execute(async (trx) => {
        await lockDraft(trx, campaign.id, 'status');
        await trx
          .updateTable('recruitment_campaigns')
          .set({ year: body.year, title: body.title ?? `${body.year} 年定向考录` })
          .where('id', '=', campaign.id)
          .execute();
        // A draft has no applications: its positions are replaced whole.
        await trx.deleteFrom('recruitment_positions').where('campaign_id', '=', campaign.id).execute();
        await trx
          .insertInto('recruitment_positions')
          .values(body.positions.map((p) => ({ campaign_id: campaign.id, ...p })))
          .execute();
        return body.rules
          ? addRulesVersion(trx, campaign.id, { rules: body.rules, reason: body.reason, by: user.id })
          : currentVersion(trx, campaign.id);
      })
      .catch(staleRules);
    await writeAudit(c, {
      action: 'record.updated',
      resource: 'recruitment_campaigns',
      recordId: campaign.id,
      detail: { year: body.year, positions: body.positions.length, rulesVersion: version },
    });
    return c.json({ id: campaign.id, rulesVersion: version }, 200);
  });

  app.openapi(routes.rules, async (c) => {
    const user = c.var.user;
    const campaign = await campaignInScope(c, c.req.valid('param').id);
    if (user.role !== 'county_admin') throw fail('forbidden');
    const { rules, reason } = c.req.valid('json');
    if (campaign.status !== 'draft') throw frozen('rules');
    const version = await c.var.deps.db
      .transaction()
      .execute(async (trx) => {
        await lockDraft(trx, campaign.id, 'rules');
        return addRulesVersion(trx, campaign.id, { rules, reason, by: user.id });
      })
      .catch(staleRules);
    await writeAudit(c, {
      action: 'record.updated',
      resource: 'recruitment_campaigns',
      recordId: campaign.id,
      detail: { rulesVersion: version },
    });
    return c.json({ id: campaign.id, rulesVersion: version }, 200);
  });

  return app;
}
