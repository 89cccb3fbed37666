// 年度考核定时启动: the county admin sets the yearly moment (China time) at which the annual
// assessment starts by itself, pauses and resumes it, starts it now, or runs a past year's
// moment that was missed. The auditor may read it.
import { createRoute, z } from '@hono/zod-openapi';
import { ScheduleNotFoundError } from '@temporalio/client';
import type { Context } from 'hono';
import { writeAudit } from '../../audit/audit.js';
import { requireUser } from '../../auth/authenticate.js';
import type { AppEnv } from '../../context.js';
import type { Role } from '../../../db/schema.js';
import { fail, invalidField } from '../../errors/errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { jsonBody } from '../../resources/common.js';
import { createRouter } from '../../router.js';
import { rubricProblems } from '../../../workflows/annual-assessment/rubric.js';
import {
  assessmentScheduleId,
  backfillYear,
  describeSchedule,
  momentInYear,
  pauseSchedule,
  triggerSchedule,
  unpauseSchedule,
  upsertSchedule,
  type ScheduleState,
} from './assessment-schedule.js';
import { RubricSchema } from './rubric-schema.js';

const tags = ['annual-assessment 年度考核'];

const ScheduleRubric = RubricSchema;
const Days = z.number().int().min(1).max(365);
const ScheduleSettings = z
  .object({
    selfReportDays: Days,
    reviewWorkingDays: Days,
    scoringWorkingDays: Days,
    rankingDeadlineDays: Days,
    noticeWorkingDays: Days,
    objectionAnswerWorkingDays: Days,
    reminderTalkWorkingDays: Days,
  })
  .partial()
  .strict();

const ScheduleBody = z
  .object({
    month: z.number().int().min(1).max(12).openapi({ example: 3 }),
    day: z.number().int().min(1).max(28).openapi({ description: 'Up to 28, so every year has the day', example: 1 }),
    hour: z.number().int().min(0).max(23).openapi({ description: 'China time (Asia/Shanghai)', example: 9 }),
    townshipIds: z
      .array(z.number().int().positive().max(2147483647))
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Only these townships; all when absent' }),
    rubric: ScheduleRubric.optional().openapi({
      description: 'The scoring rubric of every year it starts; the default when absent',
    }),
    settings: ScheduleSettings.optional(),
  })
  .strict()
  .openapi('AssessmentScheduleInput');

const ScheduleSchema = z
  .object({
    exists: z.boolean(),
    month: z.number().int().nullable(),
    day: z.number().int().nullable(),
    hour: z.number().int().nullable().openapi({ description: 'China time' }),
    paused: z.boolean(),
    note: z.string().nullable(),
    nextRuns: z.array(z.string()).openapi({ description: 'The next three moments (ISO instants)' }),
    recentRuns: z.array(z.object({ scheduledAt: z.string(), workflowId: z.string() })),
    townshipIds: z.array(z.number().int()).nullable(),
    // A union, not .nullable(): a nullable shared schema is drawn as allOf [Rubric, …], which refuses null.
    rubric: z.union([ScheduleRubric, z.null()]),
    settings: ScheduleSettings.nullable(),
  })
  .openapi('AssessmentSchedule');

const PauseBody = z.object({ note: z.string().trim().min(1).max(500) }).strict();
const UnpauseBody = z.object({ note: z.string().trim().min(1).max(500).optional() }).strict();
const BackfillBody = z.object({ year: z.number().int().min(2000).max(2100) }).strict();

const show = createRoute({
  method: 'get',
  path: '/schedule',
  tags,
  middleware: requireUser,
  summary: 'The yearly start: its moment, state, next and recent runs (county admin, auditor)',
  responses: { 200: jsonResponse(ScheduleSchema, 'The schedule, or exists: false'), ...errorResponses(401, 403) },
});
const put = createRoute({
  method: 'put',
  path: '/schedule',
  tags,
  middleware: requireUser,
  summary: 'Set the yearly start: month, day and hour in China time (county admin)',
  request: jsonBody(ScheduleBody),
  responses: {
    200: jsonResponse(ScheduleSchema, 'Updated'),
    201: jsonResponse(ScheduleSchema, 'Created'),
    ...errorResponses(400, 401, 403),
  },
});
const pause = createRoute({
  method: 'post',
  path: '/schedule/pause',
  tags,
  middleware: requireUser,
  summary: 'Pause the yearly start, with a note saying why',
  request: jsonBody(PauseBody),
  responses: { 200: jsonResponse(ScheduleSchema, 'Paused'), ...errorResponses(400, 401, 403, 404) },
});
const unpause = createRoute({
  method: 'post',
  path: '/schedule/unpause',
  tags,
  middleware: requireUser,
  summary: 'Resume the yearly start',
  request: jsonBody(UnpauseBody),
  responses: { 200: jsonResponse(ScheduleSchema, 'Resumed'), ...errorResponses(400, 401, 403, 404) },
});
const trigger = createRoute({
  method: 'post',
  path: '/schedule/trigger',
  tags,
  middleware: requireUser,
  summary: 'Start the year now, as the schedule would (townships already started are left alone)',
  responses: { 202: jsonResponse(z.object({ triggeredAt: z.string() }), 'Starting'), ...errorResponses(401, 403, 404) },
});
const backfill = createRoute({
  method: 'post',
  path: '/schedule/backfill',
  tags,
  middleware: requireUser,
  summary: 'Run a past year’s moment that was missed: that year is assessed',
  request: jsonBody(BackfillBody),
  responses: {
    202: jsonResponse(z.object({ year: z.number().int(), scheduledAt: z.string() }), 'Starting'),
    ...errorResponses(400, 401, 403, 404),
  },
});

function allow(c: Context<AppEnv>, roles: readonly Role[]) {
  if (!roles.includes(c.var.user.role)) throw fail('forbidden');
}
const WRITERS: readonly Role[] = ['county_admin'];
const READERS: readonly Role[] = ['county_admin', 'auditor'];

async function existing(c: Context<AppEnv>): Promise<ScheduleState & { month: number; day: number; hour: number }> {
  const state = await describeSchedule(c.var.deps.temporal.client, c.var.deps.temporal.idPrefix ?? '');
  if (!state.exists || state.month === null || state.day === null || state.hour === null) throw fail('not_found');
  return state as ScheduleState & { month: number; day: number; hour: number };
}

/** A schedule deleted between the check and the change answers 404 like a missing one. */
async function onSchedule<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) throw fail('not_found');
    throw error;
  }
}

const audit = (c: Context<AppEnv>, detail: Record<string, unknown>, created = false) =>
  writeAudit(c, {
    action: created ? 'record.created' : 'record.updated',
    resource: 'assessment-schedule',
    recordId: assessmentScheduleId(c.var.deps.temporal.idPrefix ?? ''),
    detail,
  });

export function createAssessmentScheduleRoutes() {
  const app = createRouter();

  app.openapi(show, async (c) => {
    allow(c, READERS);
    return c.json(await describeSchedule(c.var.deps.temporal.client, c.var.deps.temporal.idPrefix ?? ''), 200);
  });

  app.openapi(put, async (c) => {
    allow(c, WRITERS);
    const body = c.req.valid('json');
    if (body.rubric) {
      const problems = rubricProblems(body.rubric);
      if (problems.length) throw invalidField('rubric', `评分细则有误：${problems.join('；')}`, problems.join('; '));
    }
    if (body.townshipIds) {
      const ids = [...new Set(body.townshipIds)];
      const found = await c.var.deps.db.selectFrom('townships').select('id').where('id', 'in', ids).execute();
      if (found.length !== ids.length)
        throw invalidField('townshipIds', '含有不存在的乡镇', 'Some townships do not exist');
    }
    const { client, taskQueue, idPrefix = '' } = c.var.deps.temporal;
    const { created } = await upsertSchedule(client, { ...body, taskQueue, idPrefix, startedBy: c.var.user.id });
    await audit(
      c,
      {
        op: created ? 'create' : 'update',
        month: body.month,
        day: body.day,
        hour: body.hour,
        townshipIds: body.townshipIds ?? null,
        customRubric: body.rubric !== undefined,
        settings: body.settings ?? null,
      },
      created,
    );
    const state = await describeSchedule(client, idPrefix);
    return created ? c.json(state, 201) : c.json(state, 200);
  });

  app.openapi(pause, async (c) => {
    allow(c, WRITERS);
    const { note } = c.req.valid('json');
    const { client, idPrefix = '' } = c.var.deps.temporal;
    await existing(c);
    await onSchedule(() => pauseSchedule(client, idPrefix, note));
    await audit(c, { op: 'pause', note });
    return c.json(await describeSchedule(client, idPrefix), 200);
  });

  app.openapi(unpause, async (c) => {
    allow(c, WRITERS);
    const note = c.req.valid('json').note ?? '恢复年度考核定时启动';
    const { client, idPrefix = '' } = c.var.deps.temporal;
    await existing(c);
    await onSchedule(() => unpauseSchedule(client, idPrefix, note));
    await audit(c, { op: 'unpause', note });
    return c.json(await describeSchedule(client, idPrefix), 200);
  });

  app.openapi(trigger, async (c) => {
    allow(c, WRITERS);
    const { client, idPrefix = '' } = c.var.deps.temporal;
    await existing(c);
    const triggeredAt = new Date().toISOString();
    await onSchedule(() => triggerSchedule(client, idPrefix));
    await audit(c, { op: 'trigger', triggeredAt });
    return c.json({ triggeredAt }, 202);
  });

  app.openapi(backfill, async (c) => {
    allow(c, WRITERS);
    const { year } = c.req.valid('json');
    const { client, idPrefix = '' } = c.var.deps.temporal;
    const schedule = await existing(c);
    if (momentInYear(year, schedule).getTime() >= Date.now()) {
      throw invalidField('year', '只能补跑已过去的年份', 'Only a moment already past can be backfilled');
    }
    const at = await onSchedule(() => backfillYear(client, idPrefix, year, schedule));
    await audit(c, { op: 'backfill', year, scheduledAt: at.toISOString() });
    return c.json({ year, scheduledAt: at.toISOString() }, 202);
  });

  return app;
}
