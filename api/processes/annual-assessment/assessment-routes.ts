// 年度考核 operations: start by hand (county or some townships), live progress per township,
// results (the caller's scope; a cadre sees only their own) as JSON or a spreadsheet, and
// objections (异议) during the public notice.
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { chinaYear } from '../../../domain/china-time.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf } from '../../auth/actor.js';
import { requireUser } from '../../auth/authenticate.js';
import { fail, invalidField } from '../../errors/errors.js';
import { withUpdateDeadline } from '../../temporal/update-deadline.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { jsonBody } from '../../resources/common.js';
import { setContentRange } from '../../resources/list-query.js';
import { createRouter } from '../../router.js';
import {
  fileObjectionUpdate,
  townshipCycleId,
} from '../../../workflows/annual-assessment/annual-assessment-definition.js';
import { assessmentCycle } from '../../../workflows/annual-assessment/assessment-cycle-workflow.js';
import { DEFAULT_RUBRIC, rubricProblems } from '../../../workflows/annual-assessment/rubric.js';
import { assessmentProgress } from './assessment-progress.js';
import { latestResults, resultsWorkbook } from './assessment-results.js';
import { RubricSchema } from './rubric-schema.js';

const tags = ['annual-assessment 年度考核'];
const Year = z.coerce.number().int().min(2000).max(2100);

const StartBody = z
  .object({
    year: Year.optional(),
    townshipIds: z.array(z.number().int().positive().max(2147483647)).min(1).max(100).optional(),
    rubric: RubricSchema.optional(),
  })
  .strict()
  .openapi('StartAssessment');
const ObjectionBody = z
  .object({
    year: Year,
    townshipId: z.number().int().positive().max(2147483647),
    personId: z.number().int().positive().max(2147483647),
    reason: z.string().trim().min(1).max(1000),
  })
  .strict()
  .openapi('Objection');
const YearQuery = z.object({
  year: Year.optional(),
  townshipId: z.coerce.number().int().positive().max(2147483647).optional(),
});

const start = createRoute({
  method: 'post',
  path: '/start',
  tags,
  middleware: requireUser,
  summary: 'Start the year for the county or some townships (a second start is a no-op)',
  request: jsonBody(StartBody),
  responses: {
    200: jsonResponse(
      z.object({ year: z.number(), started: z.array(z.number()), alreadyRunning: z.array(z.number()) }),
      'Started',
    ),
    ...errorResponses(400, 401, 403),
  },
});
const progress = createRoute({
  method: 'get',
  path: '/progress',
  tags,
  middleware: requireUser,
  summary: 'Live progress per township',
  request: { query: YearQuery },
  responses: {
    200: jsonResponse(
      z.array(
        z.object({
          townshipId: z.number(),
          townshipName: z.string(),
          steps: z.record(z.string(), z.number()),
          overdue: z.number(),
          scored: z.number(),
          rankingVersion: z.number(),
          final: z.boolean(),
          stage: z.enum(['assessing', 'ranked', 'notice', 'answering', 'closing', 'final']),
          notice: z.object({ openedAt: z.string(), endsAt: z.string() }).nullable(),
        }),
      ),
      'Progress',
    ),
    ...errorResponses(400, 401),
  },
});
const results = createRoute({
  method: 'get',
  path: '/results',
  tags,
  middleware: requireUser,
  summary: 'Results of the latest ranking, in scope',
  request: { query: YearQuery },
  responses: { 200: jsonResponse(z.array(z.record(z.string(), z.unknown())), 'Results'), ...errorResponses(400, 401) },
});
const exportResults = createRoute({
  method: 'get',
  path: '/results.xlsx',
  tags,
  middleware: requireUser,
  summary: 'Results as a spreadsheet',
  request: { query: YearQuery },
  responses: { 200: { description: 'xlsx' }, ...errorResponses(400, 401) },
});
const objection = createRoute({
  method: 'post',
  path: '/objections',
  tags,
  middleware: requireUser,
  summary: 'File an objection during the public notice (异议)',
  request: jsonBody(ObjectionBody),
  responses: {
    200: jsonResponse(z.object({ objection: z.number() }), 'Filed'),
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});

export function createAssessmentRoutes() {
  const app = createRouter();

  app.openapi(start, async (c) => {
    if (c.var.user.role !== 'county_admin') throw fail('forbidden');
    const body = c.req.valid('json');
    const rubric = body.rubric ?? DEFAULT_RUBRIC;
    const problems = rubricProblems(rubric);
    if (problems.length) throw invalidField('rubric', `评分细则有误：${problems.join('；')}`, problems.join('; '));
    const year = body.year ?? chinaYear();
    const { client, taskQueue, idPrefix = '' } = c.var.deps.temporal;
    const result = await client.workflow.execute(assessmentCycle, {
      taskQueue,
      workflowId: `${idPrefix}annual-assessment-${year}-start-${randomUUID().slice(0, 8)}`,
      args: [{ year, rubric, startedBy: c.var.user.id, idPrefix, townshipIds: body.townshipIds }],
    });
    await writeAudit(c, {
      action: 'process.started',
      resource: 'annual-assessment',
      recordId: year,
      detail: { ...result },
    });
    return c.json({ year, ...result }, 200);
  });

  app.openapi(progress, async (c) =>
    c.json(await assessmentProgress(c.var.deps.db, c.var.user, c.req.valid('query').year ?? chinaYear()), 200),
  );

  app.openapi(results, async (c) => {
    const { year = chinaYear(), townshipId } = c.req.valid('query');
    const rows = await latestResults(c.var.deps.db, c.var.user, year, townshipId).execute();
    setContentRange(c, 'assessment-results', 0, rows.length, rows.length);
    return c.json(
      rows.map((r) => ({ id: r.personId, ...r })),
      200,
    );
  });

  app.openapi(exportResults, async (c) => {
    const { year = chinaYear(), townshipId } = c.req.valid('query');
    const rows = await latestResults(c.var.deps.db, c.var.user, year, townshipId).execute();
    const body = await resultsWorkbook(rows, year);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${year}年度考核结果.xlsx`)}`);
    return c.body(new Uint8Array(body), 200) as never;
  });

  app.openapi(objection, async (c) => {
    const { year, townshipId, personId, reason } = c.req.valid('json');
    const user = c.var.user;
    if (user.role !== 'county_admin' && user.townshipId !== townshipId) throw fail('not_found');
    const { temporal } = c.var.deps;
    return c.json(
      await withUpdateDeadline(temporal, () =>
        temporal.client.workflow
          .getHandle(townshipCycleId(temporal.idPrefix ?? '', year, townshipId))
          .executeUpdate(fileObjectionUpdate, { args: [{ actor: actorOf(user), personId, reason }] }),
      ),
      200,
    );
  });

  return app;
}
