// Spreadsheets in and out for 导师帮带: the import template, the import itself, and the
// ledger of pairings in the caller's scope.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { chinaDayOf } from '../../../domain/china-time.js';
import { requireUser } from '../../auth/authenticate.js';
import type { AppEnv } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { fail, invalidField } from '../../errors/errors.js';
import { ErrorSchema, errorResponses } from '../../openapi/responses.js';
import { createRouter } from '../../router.js';
import { assertMayImport, importPairings } from './import-pairings.js';
import { buildPairingExport, STATUS_NAMES } from './pairing-export.js';
import { buildTemplate, MAX_IMPORT_ROWS } from './pairing-spreadsheet.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A filled template of 2,000 rows is about 100 KiB; 5 MiB leaves room for a clerk's own formatting. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const tags = ['mentor-pairing 导师帮带'];
const binary = { type: 'string', format: 'binary' } as const;
const workbook = (description: string) => ({ description, content: { [XLSX_TYPE]: { schema: binary } } });
const StartedRowSchema = z
  .object({ row: z.number().int().openapi({ description: 'Excel row number' }), id: z.string(), title: z.string() })
  .openapi('ImportedPairing');
const statuses = Object.keys(STATUS_NAMES) as [keyof typeof STATUS_NAMES, ...(keyof typeof STATUS_NAMES)[]];

const template = createRoute({
  method: 'get',
  path: '/template.xlsx',
  tags,
  middleware: requireUser,
  summary: 'Import template (导入模板), with the mentors in scope',
  responses: { 200: workbook('The template'), ...errorResponses(401, 403) },
});

const importRoute = createRoute({
  method: 'post',
  path: '/import',
  tags,
  middleware: [
    requireUser,
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: () => {
        throw fail('payload_too_large');
      },
    }),
  ] as const,
  summary: 'Start pairings from a filled template (批量导入)',
  description: `Every row is checked first; any bad row answers 400 with one \`fields\` entry per problem, \`field\` being \`第5行 导师身份证号\` (Excel row number, a space, the column header), and nothing starts. At most ${MAX_IMPORT_ROWS} rows and ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB. If starting stops part-way (409 or 503, code \`import_incomplete\`), the rows in \`started\` are real processes and stay; \`fields\` lists the rows not started.`,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': { schema: { type: 'object', properties: { file: binary }, required: ['file'] } },
        [XLSX_TYPE]: { schema: binary },
      },
    },
  },
  responses: {
    200: {
      description: 'Every row started',
      content: {
        'application/json': { schema: z.object({ started: z.array(StartedRowSchema), total: z.number().int() }) },
      },
    },
    ...errorResponses(400, 401, 403, 413),
    415: {
      description: 'Not multipart/form-data nor an .xlsx body',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    409: {
      description: 'Stopped part-way: a row was refused at start',
      content: { 'application/json': { schema: ErrorSchema.extend({ started: z.array(StartedRowSchema) }) } },
    },
    503: {
      description: 'Stopped part-way: Temporal or the database unavailable',
      content: { 'application/json': { schema: ErrorSchema.extend({ started: z.array(StartedRowSchema) }) } },
    },
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/export.xlsx',
  tags,
  middleware: requireUser,
  summary: 'Pairings in scope as a spreadsheet (导出台账)',
  request: {
    query: z.object({
      status: z
        .enum([...statuses, 'all'])
        .default('running')
        .openapi({ description: 'Which pairings; running by default' }),
    }),
  },
  responses: { 200: workbook('The pairings'), ...errorResponses(400, 401) },
});

const notSpreadsheet = () =>
  new AppError('unsupported_media_type', {
    status: 415,
    zh: '请上传 Excel 文件（.xlsx）：用表单字段 file 上传，或以 xlsx 类型直接提交',
    en: `Send the .xlsx as multipart/form-data field "file", or as the body with Content-Type ${XLSX_TYPE}`,
  });

export async function uploadedBytes(c: Context<AppEnv>): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === XLSX_TYPE) return new Uint8Array(await c.req.arrayBuffer());
  if (type !== 'multipart/form-data') throw notSpreadsheet();
  // A malformed multipart body is the sender's mistake: 400 naming the field, not a 500.
  const form = await c.req.parseBody().catch(() => {
    throw invalidField('file', '上传的表单无法读取，请重新选择文件上传', 'the multipart body could not be read');
  });
  const file = form['file'];
  if (!(file instanceof File))
    throw invalidField('file', '请选择要上传的 Excel 文件', 'no file in the form field "file"');
  return new Uint8Array(await file.arrayBuffer());
}

/** RFC 6266: an ASCII fallback for old clients, the Chinese name for the rest. */
export const download = (c: Context<AppEnv>, bytes: Uint8Array, name: string, fallback: string) =>
  c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'no-store',
  });

export function createPairingImportRoutes() {
  const app = createRouter();

  app.openapi(template, async (c) => {
    assertMayImport(c.var.user);
    return download(
      c,
      await buildTemplate(c.var.deps.db, c.var.user),
      '导师帮带导入模板.xlsx',
      'mentor-pairing-template.xlsx',
    );
  });

  app.openapi(importRoute, async (c) => {
    // Role first: someone who may not import gets 403, not a verdict on their file.
    assertMayImport(c.var.user);
    return c.json(await importPairings(c, await uploadedBytes(c)), 200);
  });

  app.openapi(exportRoute, async (c) => {
    const bytes = await buildPairingExport(c.var.deps.db, c.var.user, c.req.valid('query').status);
    const day = chinaDayOf();
    return download(c, bytes, `导师帮带台账-${day}.xlsx`, `mentor-pairings-${day}.xlsx`);
  });

  return app;
}
