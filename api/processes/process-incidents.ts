// 异常: the incidents of processes in the caller's scope (counts per township and process type,
// and the open ones), and the two decisions on a process's open incident: 重试 (the workflow
// runs the failed activity again) and 取消流程 (the ordinary withdrawal, with a reason).
//
// Who decides: the county admin, and the township officer of the process's township. The
// officer is told of the incident with the admin and is usually the one who mends its cause
// (a village's record, an account); a retry only runs the same idempotent activity again, so
// letting the officer press it saves a call to the county. Cancelling keeps the withdrawal's
// own rule (the county admin, or the officer who started the process).
import { createRoute, z } from '@hono/zod-openapi';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Context } from 'hono';
import type { DB } from '../../db/database.js';
import { requireUser } from '../auth/authenticate.js';
import type { AppEnv, SessionUser } from '../context.js';
import { fail } from '../errors/errors.js';
import { errorResponses, jsonResponse } from '../openapi/responses.js';
import { jsonBody } from '../resources/common.js';
import type { createRouter } from '../router.js';
import { scopeOf } from '../scope/scope.js';
import { retryIncidentUpdate } from '../../workflows/process/incident-messages.js';
import { actingOf, auditAs, type Acting } from './acting.js';
import { processesInScope } from './process-queries.js';
import { IncidentSummarySchema, ProcessIdParam } from './process-schemas.js';
import { ReasonBody } from './terminate-process.js';
import { mayWithdraw, withdrawProcess } from './withdraw-process.js';

const tags = ['processes 流程'];

const summary = createRoute({
  method: 'get',
  path: '/incidents',
  tags,
  middleware: requireUser,
  summary: 'Open incidents (异常) in scope: counts per township and process type, and the latest 100',
  responses: { 200: jsonResponse(IncidentSummarySchema, 'Incidents'), ...errorResponses(401) },
});

const retry = createRoute({
  method: 'post',
  path: '/{id}/incident/retry',
  tags,
  middleware: requireUser,
  summary: "Retry the failed activity of a process's open incident (county admin, the township's officer)",
  request: { params: ProcessIdParam },
  responses: {
    200: jsonResponse(z.object({ id: z.string(), incidentId: z.number().int(), status: z.string() }), 'Retrying'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/{id}/incident/cancel',
  tags,
  middleware: requireUser,
  summary: 'Withdraw a process waiting on an incident, with a reason (county admin, or the officer who started it)',
  request: { params: ProcessIdParam, ...jsonBody(ReasonBody) },
  responses: {
    200: jsonResponse(z.object({ id: z.string(), status: z.string() }), 'Cancelling'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The process's open incident as the process page shows it; null when there is none. */
export async function openIncidentOf(db: DB, processId: string) {
  const row = await db
    .selectFrom('incidents')
    .select(['id', 'activity', 'step', 'error_type', 'error_message', 'non_retryable', 'attempts'])
    .select(['first_failed_at', 'failed_at'])
    .where('process_id', '=', processId)
    .where('status', '=', 'open')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    activity: row.activity,
    step: row.step,
    errorType: row.error_type,
    errorMessage: row.error_message,
    nonRetryable: row.non_retryable,
    attempts: row.attempts,
    firstFailedAt: row.first_failed_at.toISOString(),
    failedAt: row.failed_at.toISOString(),
  };
}

const noIncident = () =>
  fail('conflict', [
    { field: 'incident', message: '该流程没有待处理的异常', messageEn: 'The process has no open incident' },
  ]);

type LoadProcess = (c: Context<AppEnv>, id: string) => Promise<{ startedBy: number | null }>;

export function registerIncidentSummary(app: ReturnType<typeof createRouter>) {
  app.openapi(summary, async (c) => {
    const user = c.var.user;
    const db = c.var.deps.db;
    const open = processesInScope(db, user, scopeOf(user))
      .innerJoin('incidents as i', 'i.process_id', 'p.id')
      .where('i.status', '=', 'open');
    const [byTownship, byType, items] = await Promise.all([
      open
        .select(['p.township_id as townshipId', 'tw.name as townshipName'])
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .groupBy(['p.township_id', 'tw.name'])
        .orderBy('p.township_id')
        .execute(),
      open
        .select('p.type')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .groupBy('p.type')
        .orderBy('p.type')
        .execute(),
      open
        .select([
          'i.id',
          'p.id as processId',
          'p.title',
          'p.type',
          'p.township_id as townshipId',
          'tw.name as townshipName',
        ])
        .select(['i.step', 'i.error_message as errorMessage', 'i.failed_at as failedAt'])
        .orderBy('i.failed_at', 'desc')
        .limit(100)
        .execute(),
    ]);
    const count = (rows: { n: string }[]) => rows.reduce((sum, r) => sum + Number(r.n), 0);
    return c.json(
      {
        total: count(byType),
        byTownship: byTownship.map(({ n, ...r }) => ({ ...r, count: Number(n) })),
        byType: byType.map(({ n, ...r }) => ({ ...r, count: Number(n) })),
        items: items.map((i) => ({ ...i, failedAt: iso(i.failedAt)! })),
      },
      200,
    );
  });
}

/** 重试: the workflow runs the failed activity of the process's open incident again (409 when none). */
export async function retryIncident(a: Acting, id: string) {
  const incident = await openIncidentOf(a.db, id);
  if (!incident) throw noIncident();
  try {
    await a.temporal.client.workflow
      .getHandle(id)
      .executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.id, actorUserId: a.user.id }] });
  } catch (error) {
    // The workflow no longer waits on it (retried a moment ago, or the process ended).
    if (error instanceof WorkflowUpdateFailedError) throw noIncident();
    throw error;
  }
  await auditAs(a, {
    action: 'process.incident_retried',
    resource: 'processes',
    recordId: id,
    detail: { incidentId: incident.id, activity: incident.activity },
  });
  return { id, incidentId: incident.id, status: 'retrying' };
}

/** Who decides on an incident: the county admin, and the township officer (in scope). */
export const mayRetry = (user: SessionUser) => user.role === 'county_admin' || user.role === 'township_officer';

export function registerIncidentRoutes(app: ReturnType<typeof createRouter>, loadProcess: LoadProcess) {
  app.openapi(retry, async (c) => {
    const id = c.req.valid('param').id;
    await loadProcess(c, id);
    if (!mayRetry(c.var.user)) throw fail('forbidden');
    return c.json(await retryIncident(actingOf(c), id), 200);
  });

  app.openapi(cancel, async (c) => {
    const id = c.req.valid('param').id;
    const row = await loadProcess(c, id);
    if (!mayWithdraw(c.var.user, row.startedBy)) throw fail('forbidden');
    if (!(await openIncidentOf(c.var.deps.db, id))) throw noIncident();
    return c.json(await withdrawProcess(actingOf(c), id, c.req.valid('json').reason), 200);
  });
}
