// Spreadsheets out for 定向考录: the score template the county fills from the province's results
// (the exam's applicants with their full ID numbers, which the import matches on: the county
// admin's alone, and every download goes to the audit log as a full ID read), and the results
// sheet (成绩册) in rank order with ID numbers masked, for whoever may see the applications.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ApplicationStatus } from '../../../db/schema.js';
import { chinaDayOf } from '../../../domain/china-time.js';
import { writeAudit } from '../../audit/audit.js';
import { requireUser } from '../../auth/authenticate.js';
import type { AppEnv } from '../../context.js';
import { fail } from '../../errors/errors.js';
import { errorResponses } from '../../openapi/responses.js';
import { IdParam } from '../../resources/common.js';
import { createRouter } from '../../router.js';
import { XLSX_TYPE } from '../mentor-pairing/pairing-import-routes.js';
import { applicationScope, campaignInScope } from './campaign-access.js';
import { buildResultsSheet, campaignResults } from './results-spreadsheet.js';
import { SCORE_HEADERS, scoreTemplate } from './score-spreadsheet.js';

const tags = ['targeted-recruitment 定向考录'];
const binary = { type: 'string', format: 'binary' } as const;
const workbook = (description: string) => ({ description, content: { [XLSX_TYPE]: { schema: binary } } });
/** Who sits each exam, as the import checks it: the qualified the written one, the shortlisted the interview. */
const SITTING = { written: 'qualified', interview: 'shortlisted' } as const;

const routes = {
  template: createRoute({
    method: 'get',
    path: '/campaigns/{id}/scores/template',
    tags,
    middleware: requireUser,
    summary: 'Score import template (成绩导入模板) with the exam’s applicants pre-filled (county admin)',
    description:
      'Columns 身份证号, 姓名 and 笔试成绩 (or 面试成绩), as the import reads them. Rows: the applicants sitting the exam; before the exam is reached, every applicant of the campaign. Full ID numbers: each download is audited.',
    request: { params: IdParam, query: z.object({ exam: z.enum(['written', 'interview']) }) },
    responses: { 200: workbook('The template'), ...errorResponses(400, 401, 403, 404) },
  }),
  results: createRoute({
    method: 'get',
    path: '/campaigns/{id}/results.xlsx',
    tags,
    middleware: requireUser,
    summary: 'Results sheet (成绩册): the applications you may see in rank order, ID numbers masked',
    request: { params: IdParam },
    responses: { 200: workbook('The results'), ...errorResponses(400, 401, 404) },
  }),
};

/** RFC 6266: an ASCII fallback for old clients, the Chinese name for the rest. */
const download = (c: Context<AppEnv>, bytes: Uint8Array, name: string, fallback: string) =>
  c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'no-store',
  });

export function createScoreSheetRoutes() {
  const app = createRouter();

  app.openapi(routes.template, async (c) => {
    const campaign = await campaignInScope(c, c.req.valid('param').id);
    if (c.var.user.role !== 'county_admin') throw fail('forbidden');
    const { exam } = c.req.valid('query');
    const db = c.var.deps.db;
    const applicants = (status?: ApplicationStatus) => {
      let q = db
        .selectFrom('recruitment_applications as a')
        .innerJoin('people as p', 'p.id', 'a.person_id')
        .select(['a.id', 'p.id_number', 'p.name'])
        .where('a.campaign_id', '=', campaign.id);
      if (status) q = q.where('a.status', '=', status);
      return q.orderBy('a.township_id').orderBy('a.id').execute();
    };
    const sitting = await applicants(SITTING[exam]);
    const rows = sitting.length ? sitting : await applicants();
    await writeAudit(c, {
      action: 'pii.read',
      resource: 'recruitment_applications',
      recordId: campaign.id,
      detail: { fields: ['idNumber'], exam, rows: rows.length, applicationIds: rows.map((r) => r.id) },
    });
    const bytes = await scoreTemplate(
      exam,
      rows.map((r) => ({ idNumber: r.id_number, name: r.name })),
    );
    const header = SCORE_HEADERS[exam].header;
    return download(
      c,
      bytes,
      `${campaign.title}-${header}导入模板.xlsx`,
      `recruitment-${campaign.id}-${exam}-template.xlsx`,
    );
  });

  app.openapi(routes.results, async (c) => {
    const campaign = await campaignInScope(c, c.req.valid('param').id);
    const rows = await campaignResults(c.var.deps.db, campaign.id, applicationScope(c.var.user));
    const day = chinaDayOf();
    return download(
      c,
      await buildResultsSheet(campaign.title, rows),
      `${campaign.title}-成绩册-${day}.xlsx`,
      `recruitment-${campaign.id}-results-${day}.xlsx`,
    );
  });

  return app;
}
