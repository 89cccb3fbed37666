// 批量同意: the caller ticks several of their own open tasks in 我的待办 and approves them at
// once. Each task goes through the very path a single decision takes (act-on-task.ts); the
// answer says per task whether it went through or why not. The batch's request id makes a
// retry harmless: each task's Update id is derived from it, so Temporal answers a repeated
// one with its first outcome, and the audit log keeps one entry per batch.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { sql } from 'kysely';
import { writeAudit } from '../audit/audit.js';
import { requireUser } from '../auth/authenticate.js';
import type { AppEnv } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { fromTemporalError } from '../errors/temporal-errors.js';
import { errorResponses } from '../openapi/responses.js';
import { jsonBody } from '../resources/common.js';
import { bilingual } from '../validation/bilingual-errors.js';
import { actOnTask, loadTask } from './act-on-task.js';
import { approvesWithoutForm } from './batch-eligibility.js';
import { onlyActionableBy } from './task-queries.js';
import { TaskActionBody } from './task-schemas.js';

/** The most tasks one batch decides: a page of the inbox is 25, a select-all of four pages 100. */
export const MAX_BATCH = 100;

export const BatchDecideBody = z
  .object({
    ids: z
      .array(z.number().int().positive().max(2147483647))
      .min(1, bilingual('请至少选择一项待办', 'choose at least one task'))
      .max(MAX_BATCH, bilingual(`一次最多批量办理 ${MAX_BATCH} 项待办`, `at most ${MAX_BATCH} tasks at once`)),
    decision: z.literal('approve'),
    comment: TaskActionBody.shape.comment,
    /** Required: the same id again answers as the first time, with no second decision. */
    requestId: TaskActionBody.shape.requestId.unwrap(),
  })
  .strict()
  .openapi('BatchDecide');

const BatchItemSchema = z.object({
  id: z.number().int(),
  ok: z.boolean(),
  taskKey: z.string().nullable(),
  stepName: z.string().nullable(),
  processTitle: z.string().nullable(),
  stepOpen: z.boolean().nullable(),
  code: z.string().nullable().openapi({ description: 'Why it was refused: not_found, form_required, conflict …' }),
  message: z.string().nullable().openapi({ description: 'For people, in Chinese' }),
  messageEn: z.string().nullable(),
});

export const BatchDecideResultSchema = z
  .object({
    requestId: z.string(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    results: z.array(BatchItemSchema),
  })
  .openapi('BatchDecideResult');

type BatchItem = z.infer<typeof BatchItemSchema>;

const route = createRoute({
  method: 'post',
  path: '/batch-decide',
  tags: ['tasks 待办'],
  middleware: requireUser,
  summary: '批量同意: approve several of the caller’s own open tasks whose 同意 needs no form',
  request: jsonBody(BatchDecideBody),
  responses: {
    200: {
      description: 'One result per task, in the order sent',
      content: { 'application/json': { schema: BatchDecideResultSchema } },
    },
    ...errorResponses(400, 401),
  },
});

const refusal = (code: string, zh: string, en: string) => new AppError(code, { status: 409, zh, en });
/** Someone else's task, or one outside the caller's scope: the batch does not say which. */
const notYours = () =>
  refusal('not_found', '未找到该待办，或不是您本人的待办', 'Not found, or not one of your own tasks');
const formRequired = () =>
  refusal(
    'form_required',
    '该环节同意时须填写表单，请打开待办逐件办理',
    'This step needs its form: decide it on its own',
  );

async function decideOne(c: Context<AppEnv>, id: number, body: z.infer<typeof BatchDecideBody>): Promise<BatchItem> {
  const item: BatchItem = {
    id,
    ok: false,
    taskKey: null,
    stepName: null,
    processTitle: null,
    stepOpen: null,
    code: null,
    message: null,
    messageEn: null,
  };
  try {
    // Only the caller's own tasks (or a colleague's on leave they stand in for), whatever their status:
    // a retried batch finds its tasks already decided and is answered by Temporal.
    const { task, delegators } = await loadTask(c, id, (q, delegators) =>
      onlyActionableBy(q, c.var.user, delegators),
    ).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'not_found' ? notYours() : error;
    });
    Object.assign(item, { taskKey: task.taskKey, stepName: task.stepName, processTitle: task.processTitle });
    if (!approvesWithoutForm(task)) throw formRequired();
    const result = await actOnTask(c, task, delegators, {
      action: 'approve',
      form: {},
      comment: body.comment || undefined,
      requestId: `batch-${body.requestId}`,
    });
    return { ...item, ok: true, stepOpen: result.stepOpen };
  } catch (error) {
    const known = error instanceof AppError ? error : fromTemporalError(error);
    if (!known) c.var.logger?.error({ err: error, taskId: id }, 'batch decision failed');
    return {
      ...item,
      code: known?.code ?? 'internal',
      message: known?.messageZh ?? '系统内部错误，请稍后再试',
      messageEn: known?.message ?? 'Internal error',
    };
  }
}

/** Decides a few tasks at a time: different processes' Updates need not wait for one another. */
async function decideAll(c: Context<AppEnv>, ids: number[], body: z.infer<typeof BatchDecideBody>) {
  const results: BatchItem[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      results[i] = await decideOne(c, ids[i], body);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, ids.length) }, worker));
  return results;
}

export function registerBatchDecide(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const ids = [...new Set(body.ids)];
    const results = await decideAll(c, ids, body);
    const succeeded = results.filter((r) => r.ok).length;
    const seen = await c.var.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'tasks.batch_decided')
      .where('user_id', '=', c.var.user.id)
      .where(sql<string>`detail->>'requestId'`, '=', body.requestId)
      .executeTakeFirst();
    if (!seen)
      await writeAudit(c, {
        action: 'tasks.batch_decided',
        resource: 'tasks',
        detail: {
          requestId: body.requestId,
          decision: body.decision,
          succeeded: results.filter((r) => r.ok).map((r) => r.id),
          failed: results.filter((r) => !r.ok).map((r) => ({ id: r.id, code: r.code })),
        },
      });
    return c.json({ requestId: body.requestId, succeeded, failed: results.length - succeeded, results }, 200);
  });
}
