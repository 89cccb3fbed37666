// Holidays and make-up workdays (调休) the county adds to, or corrects in, the bundled calendar:
// next year's holidays before the package knows them, a local day off. Everyone signed in
// reads them (deadlines depend on them); only the county admin changes them.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { LIBRARY_YEARS, shiftDay } from '../../../domain/working-days.js';
import { requireUser } from '../../auth/authenticate.js';
import { writeAudit } from '../../audit/audit.js';
import type { AppEnv } from '../../context.js';
import { conflictField, fail, invalidField } from '../../errors/errors.js';
import { errorResponses } from '../../openapi/responses.js';
import { createRouter } from '../../router.js';
import { isUniqueViolation, jsonBody } from '../common.js';
import { ListQuerySchema, parseListQuery, setContentRange } from '../list-query.js';
import { getCalendarOverride, listCalendarOverrides } from './calendar-override-queries.js';
import {
  CALENDAR_OVERRIDE_SORTS,
  CalendarOverrideFilter,
  CalendarOverrideInput,
  CalendarOverrideSchema,
  CalendarOverrideUpdate,
  DayParam,
  MAX_RUN_DAYS,
} from './calendar-override-schemas.js';

const tags = ['calendar-overrides 节假日调整'];
const middleware = requireUser;
const one = { content: { 'application/json': { schema: CalendarOverrideSchema } } };

// The shared crudRoutes take a numeric id; here the id is the day.
const routes = {
  bundled: createRoute({
    method: 'get',
    path: '/bundled-years',
    tags,
    middleware,
    summary: 'The years the bundled holiday calendar knows; later years need overrides',
    responses: {
      200: {
        description: 'First and last year',
        content: {
          'application/json': {
            schema: z.object({ first: z.number().int(), last: z.number().int() }).openapi('BundledCalendarYears'),
          },
        },
      },
      ...errorResponses(401),
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/',
    tags,
    middleware,
    summary: 'List calendar overrides',
    request: { query: ListQuerySchema },
    responses: {
      200: {
        description: 'A page; the total is in Content-Range',
        content: { 'application/json': { schema: z.array(CalendarOverrideSchema) } },
      },
      ...errorResponses(400, 401),
    },
  }),
  show: createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    middleware,
    summary: 'The override of one day',
    request: { params: DayParam },
    responses: { 200: { description: 'Found', ...one }, ...errorResponses(400, 401, 404) },
  }),
  create: createRoute({
    method: 'post',
    path: '/',
    tags,
    middleware,
    summary: 'Declare a day a holiday or a workday',
    request: jsonBody(CalendarOverrideInput),
    responses: { 201: { description: 'Created', ...one }, ...errorResponses(400, 401, 403, 409, 413) },
  }),
  update: createRoute({
    method: 'put',
    path: '/{id}',
    tags,
    middleware,
    summary: 'Change the kind or name of an override',
    request: { params: DayParam, ...jsonBody(CalendarOverrideUpdate) },
    responses: { 200: { description: 'Updated', ...one }, ...errorResponses(400, 401, 403, 404, 413) },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    middleware,
    summary: 'Remove an override: the bundled calendar counts again',
    request: { params: DayParam },
    responses: { 200: { description: 'Deleted', ...one }, ...errorResponses(400, 401, 403, 404) },
  }),
};

// The county's calendar is the county's: no township role may change it.
function assertCountyAdmin(c: Context<AppEnv>): void {
  if (c.var.user.role !== 'county_admin') throw fail('forbidden');
}

/** The days from `first` to `last` inclusive; a run backwards or too long is the `until` field's fault. */
function runOfDays(first: string, last: string | undefined): string[] {
  if (last === undefined) return [first];
  if (last < first) throw invalidField('until', '结束日期不能早于开始日期', 'must not be before day');
  const days = [first];
  while (days.at(-1)! < last) days.push(shiftDay(days.at(-1)!, 1));
  if (days.length > MAX_RUN_DAYS)
    throw invalidField('until', `一次最多录入 ${MAX_RUN_DAYS} 天`, `at most ${MAX_RUN_DAYS} days at once`);
  return days;
}

/** PostgreSQL names the clashing day in the violation's detail ("Key (day)=(2027-02-08) already exists."). */
const dayTaken = (clash?: string) =>
  clash
    ? conflictField('day', `${clash} 已有调整记录，请直接修改`, `${clash} already has an override; update it instead`)
    : conflictField('day', '这一天已有调整记录，请直接修改', 'this day already has an override; update it instead');

export function createCalendarOverrideRoutes() {
  const app = createRouter();

  // Before `/{id}`, which would read "bundled-years" as a day.
  app.openapi(routes.bundled, (c) => c.json({ first: LIBRARY_YEARS.first, last: LIBRARY_YEARS.last }, 200));

  app.openapi(routes.list, async (c) => {
    const query = parseListQuery(c, {
      filter: CalendarOverrideFilter,
      sortable: CALENDAR_OVERRIDE_SORTS,
      defaultSort: 'day',
    });
    const { rows, total } = await listCalendarOverrides(c.var.deps.db, query);
    setContentRange(c, 'calendar-overrides', query.offset, rows.length, total);
    return c.json(rows, 200);
  });

  app.openapi(routes.show, async (c) => {
    const row = await getCalendarOverride(c.var.deps.db, c.req.valid('param').id);
    if (!row) throw fail('not_found');
    return c.json(row, 200);
  });

  app.openapi(routes.create, async (c) => {
    assertCountyAdmin(c);
    const { until, ...input } = c.req.valid('json');
    const days = runOfDays(input.day, until);
    const db = c.var.deps.db;
    // All the days or none: a clash on one leaves the others unwritten too.
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('calendar_overrides')
        .values(days.map((day) => ({ ...input, day })))
        .execute()
        .catch((e) => {
          throw isUniqueViolation(e)
            ? dayTaken(/\((\d{4}-\d{2}-\d{2})\)/.exec(String((e as { detail?: string }).detail))?.[1])
            : e;
        });
    });
    for (const day of days)
      await writeAudit(c, {
        action: 'record.created',
        resource: 'calendar-overrides',
        recordId: day,
        detail: { ...input, day },
      });
    return c.json((await getCalendarOverride(db, input.day))!, 201);
  });

  app.openapi(routes.update, async (c) => {
    assertCountyAdmin(c);
    const { id: day } = c.req.valid('param');
    const { id, day: bodyDay, ...input } = c.req.valid('json');
    for (const [field, value] of [
      ['id', id],
      ['day', bodyDay],
    ] as const) {
      if (value !== undefined && value !== day)
        throw invalidField(field, '日期不能修改，请删除后重新添加', 'the day cannot change; delete and add it again');
    }
    const db = c.var.deps.db;
    const current = await getCalendarOverride(db, day);
    if (!current) throw fail('not_found');
    if (Object.keys(input).length > 0) {
      await db.updateTable('calendar_overrides').set(input).where('day', '=', day).execute();
      await writeAudit(c, {
        action: 'record.updated',
        resource: 'calendar-overrides',
        recordId: day,
        detail: { ...input, before: { kind: current.kind, name: current.name } },
      });
    }
    return c.json((await getCalendarOverride(db, day))!, 200);
  });

  app.openapi(routes.remove, async (c) => {
    assertCountyAdmin(c);
    const { id: day } = c.req.valid('param');
    const db = c.var.deps.db;
    const row = await getCalendarOverride(db, day);
    if (!row) throw fail('not_found');
    await db.deleteFrom('calendar_overrides').where('day', '=', day).execute();
    await writeAudit(c, {
      action: 'record.deleted',
      resource: 'calendar-overrides',
      recordId: day,
      detail: { kind: row.kind, name: row.name },
    });
    return c.json(row, 200);
  });

  return app;
}
