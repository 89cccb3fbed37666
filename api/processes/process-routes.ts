// 流程: every started process in the caller's scope, one process with its business timeline,
// its raw Temporal history (for auditors), cancelling it, and urging the overdue in bulk.
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { Context } from 'hono';
import { requireUser } from '../auth/authenticate.js';
import type { AppEnv } from '../context.js';
import { fail } from '../errors/errors.js';
import { errorResponses, jsonResponse } from '../openapi/responses.js';
import { jsonBody } from '../resources/common.js';
import { ListQuerySchema, parseListQuery, setContentRange } from '../resources/list-query.js';
import { createRouter } from '../router.js';
import { scopeOf } from '../scope/scope.js';
import { processDefinitions, stepFamily } from '../../workflows/process-types.js';
import { actingOf } from './acting.js';
import { registerHistoryRoutes } from './process-history.js';
import { applyProcessFilter, ProcessFilter } from './process-list-filter.js';
import { processesInScope, selectProcess, timelineOf } from './process-queries.js';
import {
  PROCESS_SORTS,
  ProcessDefinitionSchema,
  ProcessDetailSchema,
  ProcessIdParam,
  ProcessSchema,
} from './process-schemas.js';
import { ReasonBody, terminateProcess, terminateRoute } from './terminate-process.js';
import { urgeOverdue, UrgeOverdueBody } from './urge-overdue.js';
import { mayWithdraw, refuseEnded, withdrawProcess } from './withdraw-process.js';
import { openIncidentOf, registerIncidentRoutes, registerIncidentSummary } from './process-incidents.js';

const tags = ['processes 流程'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  middleware: requireUser,
  summary: 'Processes in scope',
  request: { query: ListQuerySchema },
  responses: { 200: jsonResponse(z.array(ProcessSchema), 'A page'), ...errorResponses(400, 401) },
});
const definitions = createRoute({
  method: 'get',
  path: '/definitions',
  tags,
  middleware: requireUser,
  summary: 'Process types and their step catalogues (for diagrams and step names)',
  responses: { 200: jsonResponse(z.array(ProcessDefinitionSchema), 'Definitions'), ...errorResponses(401) },
});
const show = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  middleware: requireUser,
  summary: 'One process with its timeline',
  request: { params: ProcessIdParam },
  responses: { 200: jsonResponse(ProcessDetailSchema, 'The process'), ...errorResponses(400, 401, 404) },
});
const cancel = createRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags,
  middleware: requireUser,
  summary: 'Withdraw a running process (county admin, or the township officer who started it)',
  request: { params: ProcessIdParam, ...jsonBody(ReasonBody) },
  responses: {
    200: jsonResponse(z.object({ id: z.string(), status: z.string() }), 'Cancelling'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
const urge = createRoute({
  method: 'post',
  path: '/urge-overdue',
  tags,
  middleware: requireUser,
  summary: 'Urge every overdue task of a township (催办)',
  request: jsonBody(UrgeOverdueBody),
  responses: {
    200: jsonResponse(z.object({ urged: z.number().int(), failed: z.number().int() }), 'Urged'),
    ...errorResponses(400, 401, 403),
  },
});

async function loadProcess(c: Context<AppEnv>, id: string) {
  const row = await selectProcess(
    processesInScope(c.var.deps.db, c.var.user, scopeOf(c.var.user)).where('p.id', '=', id),
  ).executeTakeFirst();
  if (!row) throw fail('not_found');
  return row;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
function serialise<T extends { startedAt: Date; endedAt: Date | null }>(row: T) {
  return { ...row, startedAt: row.startedAt.toISOString(), endedAt: iso(row.endedAt) };
}

export function createProcessRoutes() {
  const app = createRouter();

  app.openapi(definitions, (c) => c.json(processDefinitions(), 200));

  app.openapi(urge, async (c) => c.json(await urgeOverdue(c, c.req.valid('json')), 200));

  registerIncidentSummary(app);

  app.openapi(list, async (c) => {
    const query = parseListQuery(c, { filter: ProcessFilter, sortable: PROCESS_SORTS, defaultSort: 'startedAt' });
    const user = c.var.user;
    const db = c.var.deps.db;
    const q = await applyProcessFilter(db, user, processesInScope(db, user, scopeOf(user)), query.filter);
    const [rows, total] = await Promise.all([
      selectProcess(q)
        .orderBy(sql.ref(query.sort.field), query.sort.order)
        .orderBy('p.id')
        .offset(query.offset)
        .limit(query.limit)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    setContentRange(c, 'processes', query.offset, rows.length, total.n);
    return c.json(rows.map(serialise), 200);
  });

  app.openapi(show, async (c) => {
    const id = c.req.valid('param').id;
    const row = await loadProcess(c, id);
    const db = c.var.deps.db;
    const [timeline, tasks, incident] = await Promise.all([
      timelineOf(db, id),
      db.selectFrom('tasks').select(['step_key', 'status']).where('process_id', '=', id).orderBy('id').execute(),
      openIncidentOf(db, id),
    ]);
    const path = [...new Set(tasks.map((t) => stepFamily(row.type, t.step_key)))];
    const current = [...new Set(tasks.filter((t) => t.status === 'open').map((t) => stepFamily(row.type, t.step_key)))];
    if (row.status !== 'running' && row.status !== 'incident') path.push('end');
    const entries = timeline.map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
    return c.json({ ...serialise(row), timeline: entries, path, current, incident }, 200);
  });

  registerHistoryRoutes(app, loadProcess);
  registerIncidentRoutes(app, loadProcess);

  app.openapi(cancel, async (c) => {
    const id = c.req.valid('param').id;
    const row = await loadProcess(c, id);
    if (!mayWithdraw(c.var.user, row.startedBy)) throw fail('forbidden');
    refuseEnded(row.status, '流程已结束，不能撤销', 'The process has already ended');
    return c.json(await withdrawProcess(actingOf(c), id, c.req.valid('json').reason), 200);
  });

  app.openapi(terminateRoute, async (c) => {
    const id = c.req.valid('param').id;
    const row = await loadProcess(c, id);
    if (c.var.user.role !== 'county_admin') throw fail('forbidden');
    refuseEnded(row.status, '流程已结束，不能终止', 'The process has already ended');
    return c.json(await terminateProcess(actingOf(c), row, c.req.valid('json').reason), 200);
  });

  return app;
}
