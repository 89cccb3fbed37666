import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import { requireUser } from '../../auth/authenticate.js';
import type { SessionUser } from '../../context.js';
import { fail } from '../../errors/errors.js';
import { errorResponses } from '../../openapi/responses.js';
import { createRouter } from '../../router.js';
import { AUDIT_READERS } from '../../scope/permissions.js';
import { IdParam } from '../common.js';
import { ListQuerySchema, idsFilter, parseListQuery, setContentRange } from '../list-query.js';

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.number().int().nullable(),
    username: z.string().nullable(),
    action: z.string(),
    resource: z.string().nullable(),
    recordId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

const AuditFilter = z
  .object({
    action: z.string().max(40).optional(),
    username: z.string().max(64).optional(),
    resource: z.string().max(40).optional(),
    recordId: z.string().max(40).optional(),
    id: idsFilter,
  })
  .strict();
const SORTS = ['id', 'at', 'username', 'action', 'resource'] as const;
const tags = ['audit-log 审计日志'];

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The audit log (county admin, auditor)',
  middleware: [requireUser] as const,
  request: { query: ListQuerySchema },
  responses: {
    200: { description: 'A page of entries', content: { 'application/json': { schema: z.array(AuditEntrySchema) } } },
    ...errorResponses(400, 401, 403),
  },
});
const show = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One audit entry',
  middleware: [requireUser] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'The entry', content: { 'application/json': { schema: AuditEntrySchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

function assertReader(user: SessionUser) {
  if (!AUDIT_READERS.includes(user.role)) throw fail('forbidden');
}

function selectEntries(db: DB) {
  return db
    .selectFrom('audit_log')
    .select([
      sql<number>`id::int`.as('id'),
      sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('at'),
      'user_id as userId',
      'username',
      'action',
      'resource',
      'record_id as recordId',
      'detail',
      'ip',
      'request_id as requestId',
    ]);
}

export function createAuditLogRoutes() {
  const app = createRouter();

  app.openapi(list, async (c) => {
    assertReader(c.var.user);
    const query = parseListQuery(c, { filter: AuditFilter, sortable: SORTS, defaultSort: 'id' });
    const db = c.var.deps.db;
    const f = query.filter;
    let q = db.selectFrom('audit_log');
    if (f.action) q = q.where('action', '=', f.action);
    if (f.username) q = q.where('username', '=', f.username);
    if (f.resource) q = q.where('resource', '=', f.resource);
    if (f.recordId) q = q.where('record_id', '=', f.recordId);
    if (f.id !== undefined) q = q.where('id', 'in', ([] as number[]).concat(f.id).map(String));
    const where = q;
    const [rows, total] = await Promise.all([
      selectEntries(db)
        .where((eb) => eb('audit_log.id', 'in', where.select('audit_log.id')))
        .orderBy(sql.ref(query.sort.field), query.sort.order)
        .orderBy('audit_log.id', 'desc')
        .offset(query.offset)
        .limit(query.limit)
        .execute(),
      where.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    setContentRange(c, 'audit-log', query.offset, rows.length, total.n);
    return c.json(rows, 200);
  });

  app.openapi(show, async (c) => {
    assertReader(c.var.user);
    const row = await selectEntries(c.var.deps.db)
      .where('id', '=', String(c.req.valid('param').id))
      .executeTakeFirst();
    if (!row) throw fail('not_found');
    return c.json(row, 200);
  });

  return app;
}
