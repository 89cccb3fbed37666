// 后备干部人才库: the pool in the caller's scope (county all, township its own, village secretary
// its village, a reserve their own entry), one entry with its history and records, the gaps per
// township, and the pool as a spreadsheet. Entries are written by the intake and cultivation
// workflows, not here.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { chinaDayOf } from '../../../domain/china-time.js';
import { currentReservePoolSettings } from '../../../domain/reserve-pool-settings-store.js';
import { requireUser } from '../../auth/authenticate.js';
import { writeAudit } from '../../audit/audit.js';
import type { AppEnv } from '../../context.js';
import { fail, invalidField } from '../../errors/errors.js';
import { errorResponses, jsonResponse } from '../../openapi/responses.js';
import { maskIdNumber, maskPhone } from '../../pii/mask.js';
import { XLSX_TYPE } from '../../processes/mentor-pairing/pairing-import-routes.js';
import { createRouter } from '../../router.js';
import { seesFullPii } from '../../scope/permissions.js';
import { scopeOf } from '../../scope/scope.js';
import { IdParam } from '../common.js';
import { ListQuerySchema, parseListQuery, setContentRange } from '../list-query.js';
import { buildReserveExport } from './reserve-export.js';
import { reserveGaps } from './reserve-gaps.js';
import {
  allReserves,
  getReserve,
  listReserves,
  reserveHistory,
  reserveRecords,
  type PoolClock,
  type ReserveRow,
} from './reserve-queries.js';
import { RESERVE_SORTS, ReserveDetailSchema, ReserveFilter, ReserveSchema } from './reserve-schemas.js';

const tags = ['reserves 后备干部'];
const middleware = requireUser;

const count = z.number().int();
const GapCounts = {
  villages: count,
  reserves: count,
  villagesBelowTarget: count.openapi({ description: '后备干部少于目标数的村' }),
  withoutMentor: count.openapi({ description: '未配导师' }),
  talksOverdue: count.openapi({ description: '谈话逾期 (mentor or secretary)' }),
  ageingOut: count.openapi({ description: '一年内超龄' }),
};
const GapsSchema = z
  .object({
    targetPerVillage: count,
    asOf: z.string(),
    totals: z.object(GapCounts),
    townships: z.array(z.object({ townshipId: count, townshipName: z.string(), ...GapCounts })),
  })
  .openapi('ReserveGaps');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/',
    tags,
    middleware,
    summary: 'The reserve pool in the caller’s scope (filters: township, village, status, mentor, overdue, ageing out)',
    request: { query: ListQuerySchema },
    responses: {
      200: { ...jsonResponse(z.array(ReserveSchema), 'A page; the total is in Content-Range') },
      ...errorResponses(400, 401),
    },
  }),
  gaps: createRoute({
    method: 'get',
    path: '/gaps',
    tags,
    middleware,
    summary: 'Gaps per township: villages below target, no mentor, talks overdue, ageing out (缺口一览)',
    responses: { 200: jsonResponse(GapsSchema, 'Per township, in scope'), ...errorResponses(401) },
  }),
  export: createRoute({
    method: 'get',
    path: '/export.xlsx',
    tags,
    middleware,
    summary: 'The pool (with the list’s filter) as a spreadsheet (导出人才库)',
    request: { query: z.object({ filter: ListQuerySchema.shape.filter }) },
    responses: {
      200: { description: 'The pool', content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } },
      ...errorResponses(400, 401),
    },
  }),
  show: createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    middleware,
    summary: 'One reserve with the status history and the cultivation records',
    request: { params: IdParam },
    responses: { 200: jsonResponse(ReserveDetailSchema, 'Found'), ...errorResponses(400, 401, 404) },
  }),
};

/** The settings in force and the China day: what due dates and ageing are read against. */
export async function poolClock(c: Context<AppEnv>): Promise<PoolClock> {
  return { settings: await currentReservePoolSettings(c.var.deps.db), today: chinaDayOf() };
}

/** As in the cadre list: the birth date goes with the ID number, a masked row keeps its year. */
function masked(row: ReserveRow) {
  const { birthDate, ...rest } = row;
  return {
    ...rest,
    birthYear: Number(birthDate.slice(0, 4)),
    idNumber: maskIdNumber(row.idNumber),
    phone: maskPhone(row.phone),
    piiMasked: true,
  };
}

async function revealed(c: Context<AppEnv>, row: ReserveRow) {
  const user = c.var.user;
  if (!seesFullPii(user.role, user.personId === row.personId)) return masked(row);
  await writeAudit(c, {
    action: 'pii.read',
    resource: 'reserves',
    recordId: row.id,
    detail: { personId: row.personId, fields: ['idNumber', 'phone', 'birthDate'] },
  });
  return { ...row, birthYear: Number(row.birthDate.slice(0, 4)), piiMasked: false };
}

export function createReserveRoutes() {
  const app = createRouter();

  app.openapi(routes.list, async (c) => {
    const query = parseListQuery(c, { filter: ReserveFilter, sortable: RESERVE_SORTS, defaultSort: 'id' });
    const { rows, total } = await listReserves(c.var.deps.db, scopeOf(c.var.user), await poolClock(c), query);
    setContentRange(c, 'reserves', query.offset, rows.length, total);
    return c.json(rows.map(masked), 200);
  });

  app.openapi(routes.gaps, async (c) =>
    c.json(await reserveGaps(c.var.deps.db, scopeOf(c.var.user), await poolClock(c)), 200),
  );

  app.openapi(routes.export, async (c) => {
    const raw = c.req.valid('query').filter;
    let parsed: unknown = {};
    try {
      parsed = raw ? JSON.parse(raw) : {};
    } catch {
      throw invalidField('filter', '不是有效的 JSON', 'is not valid JSON');
    }
    const filter = ReserveFilter.safeParse(parsed);
    if (!filter.success) throw invalidField('filter', '筛选条件有误', 'invalid filter');
    const clock = await poolClock(c);
    const rows = await allReserves(c.var.deps.db, scopeOf(c.var.user), clock, filter.data);
    const bytes = await buildReserveExport(rows);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename="reserves-${clock.today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`后备干部人才库-${clock.today}.xlsx`)}`,
      'cache-control': 'no-store',
    });
  });

  app.openapi(routes.show, async (c) => {
    const db = c.var.deps.db;
    const row = await getReserve(db, scopeOf(c.var.user), await poolClock(c), c.req.valid('param').id);
    if (!row) throw fail('not_found');
    const [history, records] = await Promise.all([reserveHistory(db, row.id), reserveRecords(db, row.id)]);
    return c.json({ ...(await revealed(c, row)), history, records }, 200);
  });

  return app;
}
