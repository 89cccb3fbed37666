// 原始事件: a process's Temporal history for the auditor and the county admin, each event with
// its attributes decoded, downloadable as the JSON Temporal's tools and Worker.runReplayHistory
// read, and a link to the same workflow in the Temporal UI when its address is configured.
// Personal data is masked for a role that may not see it, in the view and in the download.
import { createRoute, z } from '@hono/zod-openapi';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { Context } from 'hono';
import { writeAudit } from '../audit/audit.js';
import { requireUser } from '../auth/authenticate.js';
import type { AppEnv } from '../context.js';
import { fail } from '../errors/errors.js';
import { errorResponses, jsonResponse } from '../openapi/responses.js';
import type { createRouter } from '../router.js';
import { seesFullPii } from '../scope/permissions.js';
import { eventAttributes, maskedHistory, type Json } from './history-payloads.js';
import { ProcessIdParam } from './process-schemas.js';

const tags = ['processes 流程'];

const HistorySchema = z
  .object({
    events: z.array(
      z.object({
        eventId: z.string(),
        eventType: z.string(),
        eventTime: z.string().nullable(),
        attributes: z.unknown(),
      }),
    ),
    /** Whether ID numbers and phones were masked for the caller. */
    masked: z.boolean(),
    /** The workflow in the Temporal UI; null when no UI address is configured. */
    temporalUiUrl: z.string().nullable(),
  })
  .openapi('ProcessHistory');

const history = createRoute({
  method: 'get',
  path: '/{id}/history',
  tags,
  middleware: requireUser,
  summary: 'Raw Temporal event history with decoded attributes (auditor, county admin)',
  request: { params: ProcessIdParam },
  responses: { 200: jsonResponse(HistorySchema, 'Events'), ...errorResponses(400, 401, 403, 404) },
});

const download = createRoute({
  method: 'get',
  path: '/{id}/history.json',
  tags,
  middleware: requireUser,
  summary: "The history as Temporal's JSON (temporal workflow show --output json, Worker.runReplayHistory)",
  request: { params: ProcessIdParam },
  responses: { 200: { description: 'History JSON' }, ...errorResponses(400, 401, 403, 404) },
});

/** Loads the process in the caller's scope (404 outside it); 403 for roles without the history. */
type LoadProcess = (c: Context<AppEnv>, id: string) => Promise<unknown>;

async function readHistory(c: Context<AppEnv>, id: string, loadProcess: LoadProcess) {
  const user = c.var.user;
  if (user.role !== 'auditor' && user.role !== 'county_admin') throw fail('forbidden');
  await loadProcess(c, id);
  const raw = await c.var.deps.temporal.client.workflow.getHandle(id).fetchHistory();
  const masked = !seesFullPii(user.role, false);
  return { json: JSON.parse(historyToJSON(raw)) as { events?: Record<string, Json>[] }, masked };
}

/** `<base>/namespaces/<ns>/workflows/<id>`: the UI's page of the workflow's latest run. */
export function temporalUiLink(base: string | undefined, namespace: string, id: string): string | null {
  if (!base) return null;
  return `${base.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(id)}`;
}

export function registerHistoryRoutes(app: ReturnType<typeof createRouter>, loadProcess: LoadProcess) {
  app.openapi(history, async (c) => {
    const id = c.req.valid('param').id;
    const { json, masked } = await readHistory(c, id, loadProcess);
    await writeAudit(c, { action: 'history.read', resource: 'processes', recordId: id });
    const events = (json.events ?? []).map((e) => ({
      eventId: String(e.eventId),
      eventType: String(e.eventType),
      eventTime: typeof e.eventTime === 'string' ? e.eventTime : null,
      attributes: eventAttributes(e, masked),
    }));
    const { temporal, temporalUiUrl } = c.var.deps;
    return c.json({ events, masked, temporalUiUrl: temporalUiLink(temporalUiUrl, temporal.namespace, id) }, 200);
  });

  app.openapi(download, async (c) => {
    const id = c.req.valid('param').id;
    const { json, masked } = await readHistory(c, id, loadProcess);
    await writeAudit(c, { action: 'history.downloaded', resource: 'processes', recordId: id, detail: { masked } });
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${id}.json"`);
    return c.body(JSON.stringify(masked ? maskedHistory(json as Json) : json, null, 2), 200) as never;
  });
}
