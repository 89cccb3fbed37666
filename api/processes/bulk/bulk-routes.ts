// 批量操作: one action over every process the list's filter matches in the caller's scope.
// Preview says which would be acted on and which skipped (and why); a run is stored with its
// items and runs in the background (bulk-runner.ts); the console polls it for progress and
// each process's result. Who may use an action is the single action's own rule.
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { clientIp, writeAudit } from '../../audit/audit.js';
import { requireUser } from '../../auth/authenticate.js';
import type { AppEnv } from '../../context.js';
import { fail, invalidField } from '../../errors/errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { IdParam, jsonBody } from '../../resources/common.js';
import { createRouter } from '../../router.js';
import { scopeOf } from '../../scope/scope.js';
import { applyProcessFilter, type ProcessFilterValue } from '../process-list-filter.js';
import { processesInScope } from '../process-queries.js';
import { BULK_ACTIONS, selectTargets } from './bulk-actions.js';
import { readBulkOperation } from './bulk-read.js';
import { startBulkOperation } from './bulk-runner.js';
import { BulkOperationSchema, BulkPreviewBody, BulkPreviewSchema, BulkRunBody } from './bulk-schemas.js';

const tags = ['processes 流程'];
/** More than this is not a bad day but a migration: narrow the filter. */
export const MAX_BULK = 2000;
const PREVIEW_ITEMS = 200;

const preview = createRoute({
  method: 'post',
  path: '/preview',
  tags,
  middleware: requireUser,
  summary: 'Which processes in scope a bulk action over the filter would act on, and which it would skip and why',
  request: jsonBody(BulkPreviewBody),
  responses: { 200: jsonResponse(BulkPreviewSchema, 'Preview'), ...errorResponses(400, 401, 403) },
});
const run = createRoute({
  method: 'post',
  path: '/',
  tags,
  middleware: requireUser,
  summary: 'Run a bulk action over the filter in the background; the same requestId returns the same operation',
  request: jsonBody(BulkRunBody),
  responses: {
    200: jsonResponse(BulkOperationSchema, 'The operation submitted before with this requestId'),
    202: jsonResponse(BulkOperationSchema, 'Submitted; poll it for progress'),
    ...errorResponses(400, 401, 403),
  },
});
const show = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  middleware: requireUser,
  summary: "A bulk operation's progress and each process's result (its submitter, the county admin, the auditor)",
  request: { params: IdParam },
  responses: { 200: jsonResponse(BulkOperationSchema, 'The operation'), ...errorResponses(400, 401, 404) },
});

async function matched(c: Context<AppEnv>, action: keyof typeof BULK_ACTIONS, filter: ProcessFilterValue) {
  const user = c.var.user;
  if (!BULK_ACTIONS[action].allowed(user)) throw fail('forbidden');
  const db = c.var.deps.db;
  const q = await applyProcessFilter(db, user, processesInScope(db, user, scopeOf(user)), filter);
  const rows = await selectTargets(q)
    .orderBy('p.started_at')
    .orderBy('p.id')
    .limit(MAX_BULK + 1)
    .execute();
  if (rows.length > MAX_BULK)
    throw invalidField(
      'filter',
      `筛选出的流程超过 ${MAX_BULK} 个，请缩小筛选范围`,
      `more than ${MAX_BULK} processes match; narrow the filter`,
    );
  return rows.map((r) => ({ ...r, skip: BULK_ACTIONS[action].skip(user, r) }));
}

export function createBulkOperationRoutes() {
  const app = createRouter();

  app.openapi(preview, async (c) => {
    const { action, filter } = c.req.valid('json');
    const rows = await matched(c, action, filter);
    const items = rows.slice(0, PREVIEW_ITEMS).map((r) => ({
      id: r.id,
      type: r.type,
      title: r.title,
      subjectName: r.subjectName,
      townshipName: r.townshipName,
      currentStep: r.currentStep,
      status: r.status,
      skip: r.skip,
    }));
    const skipping = rows.filter((r) => r.skip).length;
    const body = { total: rows.length, acting: rows.length - skipping, skipping, items };
    return c.json({ ...body, truncated: rows.length > items.length }, 200);
  });

  app.openapi(run, async (c) => {
    const body = c.req.valid('json');
    const user = c.var.user;
    const db = c.var.deps.db;
    const existing = async () => {
      const row = await db
        .selectFrom('bulk_operations')
        .select('id')
        .where('created_by', '=', user.id)
        .where('request_id', '=', body.requestId)
        .executeTakeFirst();
      return row && (await readBulkOperation(c, row.id));
    };
    const before = await existing();
    if (before) return c.json(before, 200);
    const reason = body.reason || null;
    if (!BULK_ACTIONS[body.action].allowed(user)) throw fail('forbidden');
    if (BULK_ACTIONS[body.action].needsReason && !reason)
      throw invalidField('reason', '请填写原因，它会记入每个流程的办理记录', 'a reason is required');
    const rows = await matched(c, body.action, body.filter);
    const id = await db.transaction().execute(async (tx) => {
      const op = await tx
        .insertInto('bulk_operations')
        .values({
          request_id: body.requestId,
          created_by: user.id,
          action: body.action,
          filter: JSON.stringify(body.filter),
          reason,
          total: rows.length,
          ip: clientIp(c),
        })
        .onConflict((oc) => oc.constraint('bulk_operations_request_uq').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!op) return null; // the same requestId arrived twice at once: the other one runs it
      if (rows.length)
        await tx
          .insertInto('bulk_operation_items')
          .values(rows.map((r, i) => ({ operation_id: op.id, position: i, process_id: r.id })))
          .execute();
      await writeAudit(
        c,
        {
          action: 'processes.bulk',
          resource: 'bulk_operations',
          recordId: op.id,
          detail: { action: body.action, filter: body.filter, reason, total: rows.length },
        },
        tx,
      );
      return op.id;
    });
    if (id === null) return c.json((await existing())!, 200);
    startBulkOperation(c.var.deps, id);
    return c.json(await readBulkOperation(c, id), 202);
  });

  app.openapi(show, async (c) => c.json(await readBulkOperation(c, c.req.valid('param').id, true), 200));

  return app;
}
