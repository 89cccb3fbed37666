// 报表: 时效报表 (how quickly each township decides each step), as JSON for the console's page
// and as a spreadsheet of the same figures.
import { createRoute, z } from '@hono/zod-openapi';
import { chinaDayOf } from '../../domain/china-time.js';
import { requireUser } from '../auth/authenticate.js';
import { invalidField } from '../errors/errors.js';
import { errorResponses, jsonResponse } from '../openapi/responses.js';
import { download, XLSX_TYPE } from '../processes/mentor-pairing/pairing-import-routes.js';
import { createRouter } from '../router.js';
import { calendarDate } from '../validation/calendar-date.js';
import { PROCESS_TYPES } from '../../workflows/process-types.js';
import { slaReport, type SlaQuery } from './sla-report.js';
import { slaFileName, slaWorkbook } from './sla-workbook.js';

const tags = ['reports 报表'];
const processTypes = Object.keys(PROCESS_TYPES) as [string, ...string[]];

const SlaQuerySchema = z.object({
  processType: z
    .enum(processTypes)
    .default('mentor-pairing')
    .openapi({ description: 'The process type; 导师帮带 by default' }),
  from: calendarDate()
    .optional()
    .openapi({ description: 'First day (China time) tasks opened on; 1 January by default' }),
  to: calendarDate().optional().openapi({ description: 'Last day, included; today by default' }),
  townshipId: z.coerce
    .number()
    .int()
    .positive()
    .max(2147483647)
    .optional()
    .openapi({ description: 'One township (the county only; a township sees its own)' }),
});

const SlaRowSchema = z
  .object({
    townshipId: z.number().int().nullable(),
    townshipName: z.string(),
    step: z.string().openapi({ description: 'Step family key of the catalogue' }),
    stepName: z.string(),
    open: z.number().int(),
    overdueOpen: z.number().int().openapi({ description: 'Open past their deadline' }),
    decided: z.number().int(),
    decidedLate: z.number().int().openapi({ description: 'Decided after their deadline' }),
    avgHours: z.number().nullable(),
    p90Hours: z.number().nullable(),
  })
  .openapi('SlaRow');

const SlaReportSchema = z
  .object({
    processType: z.string(),
    from: z.string(),
    to: z.string(),
    rows: z.array(SlaRowSchema),
  })
  .openapi('SlaReport');

const report = createRoute({
  method: 'get',
  path: '/sla',
  tags,
  middleware: requireUser,
  summary: '时效报表: open, overdue and decided tasks, average and p90 hours to decide, per township and step',
  request: { query: SlaQuerySchema },
  responses: { 200: jsonResponse(SlaReportSchema, 'The figures'), ...errorResponses(400, 401, 403) },
});

const exportReport = createRoute({
  method: 'get',
  path: '/sla.xlsx',
  tags,
  middleware: requireUser,
  summary: '时效报表 as a spreadsheet (导出 Excel)',
  request: { query: SlaQuerySchema },
  responses: {
    200: { description: 'The figures', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } },
    ...errorResponses(400, 401, 403),
  },
});

function period(q: z.infer<typeof SlaQuerySchema>): SlaQuery {
  const to = q.to ?? chinaDayOf();
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalidField('to', '结束日期不能早于开始日期', 'to is before from');
  return { processType: q.processType, from, to, townshipId: q.townshipId };
}

export function createReportRoutes() {
  const app = createRouter();

  app.openapi(report, async (c) => {
    const q = period(c.req.valid('query'));
    const rows = await slaReport(c.var.deps.db, c.var.user, q);
    return c.json({ processType: q.processType, from: q.from, to: q.to, rows }, 200);
  });

  app.openapi(exportReport, async (c) => {
    const q = period(c.req.valid('query'));
    const bytes = await slaWorkbook(await slaReport(c.var.deps.db, c.var.user, q), q);
    return download(c, bytes, slaFileName(q), 'sla-report.xlsx');
  });

  return app;
}
