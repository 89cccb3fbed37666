// 报名: the cadre applies for themself in the console, or the township officer registers a
// cadre of their township. The API checks, in this order: the caller may apply for the person
// (404 outside their scope), the window is open (409), the person has not applied (409), and
// the eligibility from qinglan's records under the campaign's frozen rules (422 naming every
// failed rule). Only then does the campaign workflow take the application.
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { chinaDayOf } from '../../../domain/china-time.js';
import { recruitmentEligibilityOf } from '../../../domain/recruitment-eligibility-records.js';
import {
  applyUpdate,
  campaignProgressQuery,
} from '../../../workflows/targeted-recruitment/targeted-recruitment-definition.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf } from '../../auth/actor.js';
import { requireUser } from '../../auth/authenticate.js';
import { AppError } from '../../errors/app-error.js';
import { conflictField, fail, invalidField } from '../../errors/errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { IdParam, jsonBody } from '../../resources/common.js';
import { createRouter } from '../../router.js';
import type { AppEnv } from '../../context.js';
import type { Context } from 'hono';
import { applicationScope, campaignInScope, campaignRules } from './campaign-access.js';

const tags = ['targeted-recruitment 定向考录'];
const Id = z.number().int().positive().max(2147483647);

const ApplyBody = z
  .object({
    positionId: Id,
    /** The cadre applying for themself may leave it out. */
    personId: Id.optional().openapi({ description: '报名人; a cadre applying for themself may leave it out' }),
  })
  .strict()
  .openapi('RecruitmentApplication');

const Reason = z.object({ rule: z.string(), message_zh: z.string(), message_en: z.string() });
const Application = z.object({
  id: z.number(),
  personId: z.number(),
  name: z.string(),
  townshipId: z.number(),
  villageId: z.number(),
  positionId: z.number(),
  positionName: z.string(),
  status: z.string(),
  /** Why the application is where it is: the last status change's reason. */
  reason: z.string().nullable(),
  eligibility: z.array(Reason),
  total: z.number().nullable(),
  rank: z.number().nullable(),
  appliedAt: z.string(),
  /** The applicant workflow, for its timeline (流程记录); null until the campaign has started it. */
  workflowId: z.string().nullable(),
});

const routes = {
  apply: createRoute({
    method: 'post',
    path: '/campaigns/{id}/applications',
    tags,
    middleware: requireUser,
    summary: 'Apply (报名): a cadre for themself, or the township officer for a cadre of the township',
    request: { params: IdParam, ...jsonBody(ApplyBody) },
    responses: {
      201: jsonResponse(z.object({ applicationId: z.number() }), 'Applied'),
      ...errorResponses(400, 401, 403, 404, 409),
      422: { description: 'Not eligible: each failed rule is a field `eligibility.<rule>`', content: {} },
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/campaigns/{id}/applications',
    tags,
    middleware: requireUser,
    summary: "A campaign's applications you may see, with status and reasons",
    request: { params: IdParam },
    responses: {
      200: jsonResponse(z.object({ data: z.array(Application) }), 'Applications'),
      ...errorResponses(400, 401, 404),
    },
  }),
};

/** The person applied for, when the caller may apply for them; 404 outside the caller's scope. */
async function applicantInScope(c: Context<AppEnv>, personId: number) {
  const user = c.var.user;
  const person = await c.var.deps.db
    .selectFrom('people')
    .select(['id', 'name', 'township_id', 'village_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  const may =
    person &&
    (user.role === 'county_admin' ||
      (user.role === 'township_officer' && user.townshipId === person.township_id) ||
      user.personId === person.id);
  if (!may) throw fail('not_found');
  return person;
}

export function createApplicationRoutes() {
  const app = createRouter();

  app.openapi(routes.apply, async (c) => {
    const user = c.var.user;
    const body = c.req.valid('json');
    const campaign = await campaignInScope(c, c.req.valid('param').id);
    if (!['county_admin', 'township_officer', 'cadre'].includes(user.role)) throw fail('forbidden');
    const personId = body.personId ?? user.personId;
    if (personId == null) throw invalidField('personId', '请选择报名人', 'name the person applying');
    const person = await applicantInScope(c, personId);
    const position = await c.var.deps.db
      .selectFrom('recruitment_positions')
      .select('id')
      .where('id', '=', body.positionId)
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirst();
    if (!position) throw invalidField('positionId', '本次考录没有该职位', 'no such position in this campaign');

    const closed = () =>
      conflictField('campaignId', '不在报名时间内', 'applications are taken only while the window is open');
    if (campaign.status !== 'published' || !campaign.workflow_id) throw closed();
    const handle = c.var.deps.temporal.client.workflow.getHandle(campaign.workflow_id);
    const progress = await handle.query(campaignProgressQuery);
    if (progress.phase !== 'applying' || Date.now() >= Date.parse(progress.windowEndsAt)) throw closed();
    const duplicate = () =>
      conflictField('personId', `${person.name} 已报名本次考录`, 'the person has already applied to this campaign');
    const existing = await c.var.deps.db
      .selectFrom('recruitment_applications')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    if (existing) throw duplicate();

    const { rules } = await campaignRules(c, campaign);
    const verdict = await recruitmentEligibilityOf(c.var.deps.db, person.id, rules, chinaDayOf());
    if (!verdict.eligible)
      throw new AppError(
        'ineligible',
        { status: 422, zh: `${person.name} 不符合报考资格条件`, en: 'The person does not meet the campaign’s rules' },
        verdict.reasons.map((r) => ({
          field: `eligibility.${r.rule}${r.year ? `.${r.year}` : ''}`,
          message: r.message_zh,
          messageEn: r.message_en,
        })),
      );
    const result = await handle
      .executeUpdate(applyUpdate, {
        args: [
          {
            actor: actorOf(user),
            person: {
              personId: person.id,
              name: person.name,
              townshipId: person.township_id,
              villageId: person.village_id,
            },
            positionId: position.id,
            eligibility: verdict.reasons,
          },
        ],
      })
      .catch((error) => {
        // Applied a moment ago by someone else: the workflow refuses the second one.
        if ((error as { cause?: { type?: string } })?.cause?.type === 'task_closed') throw duplicate();
        throw error;
      });
    await writeAudit(c, {
      action: 'record.created',
      resource: 'recruitment_applications',
      recordId: result.applicationId,
      detail: { campaignId: campaign.id, personId: person.id, positionId: position.id },
    });
    return c.json(result, 201);
  });

  app.openapi(routes.list, async (c) => {
    const campaign = await campaignInScope(c, c.req.valid('param').id);
    let q = c.var.deps.db
      .selectFrom('recruitment_applications as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('recruitment_positions as rp', 'rp.id', 'a.position_id')
      .select((eb) => [
        'a.id',
        'a.person_id',
        'p.name',
        'a.township_id',
        'a.village_id',
        'a.position_id',
        'rp.name as position_name',
        'a.status',
        'a.eligibility',
        'a.total',
        'a.rank',
        'a.created_at',
        'a.workflow_id',
        eb
          .selectFrom('recruitment_status_changes as s')
          .select('s.reason')
          .whereRef('s.application_id', '=', 'a.id')
          .orderBy('s.id', 'desc')
          .limit(1)
          .as('reason'),
      ])
      .where('a.campaign_id', '=', campaign.id)
      .orderBy(sql`a.rank asc nulls last`)
      .orderBy('a.id');
    const scope = applicationScope(c.var.user);
    if (scope) q = q.where(`a.${scope.column}`, '=', scope.value);
    const rows = await q.execute();
    return c.json(
      {
        data: rows.map((r) => ({
          id: r.id,
          personId: r.person_id,
          name: r.name,
          townshipId: r.township_id,
          villageId: r.village_id,
          positionId: r.position_id,
          positionName: r.position_name,
          status: r.status,
          reason: r.reason ?? null,
          eligibility: (Array.isArray(r.eligibility) ? r.eligibility : []) as z.infer<typeof Reason>[],
          total: r.total === null ? null : Number(r.total),
          rank: r.rank,
          appliedAt: r.created_at.toISOString(),
          workflowId: r.workflow_id,
        })),
      },
      200,
    );
  });

  return app;
}
