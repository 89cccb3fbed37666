import { z } from '@hono/zod-openapi';
import { DECISIONS, OPERATIONS } from '../../workflows/human-step/types.js';
import { idsFilter } from '../resources/list-query.js';
import { plainText } from '../validation/plain-text.js';
import { bilingual } from '../validation/bilingual-errors.js';

export const TaskSchema = z
  .object({
    id: z.number().int(),
    taskKey: z.string(),
    processId: z.string(),
    processType: z.string(),
    processTitle: z.string(),
    stepKey: z.string(),
    stepName: z.string(),
    round: z.number().int(),
    form: z.string(),
    actions: z.array(z.string()),
    assigneeUserId: z.number().int().nullable(),
    assigneeName: z.string().nullable(),
    assigneeRole: z.string().nullable(),
    assigneeTownshipId: z.number().int().nullable(),
    townshipId: z.number().int().nullable(),
    villageId: z.number().int().nullable(),
    status: z.enum(['open', 'done', 'cancelled']),
    dueAt: z.string(),
    overdue: z.boolean(),
    escalationLevel: z.number().int(),
    context: z.record(z.string(), z.unknown()),
    decision: z.record(z.string(), z.unknown()).nullable(),
    decidedBy: z.number().int().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    canAct: z.boolean(),
    quickApprove: z.boolean().openapi({ description: 'The step’s 同意 needs no form, so 批量同意 may decide it' }),
  })
  .openapi('Task');

export const TaskFilter = z
  .object({
    mine: z.boolean().optional().openapi({ description: '我的待办: only tasks the caller can act on now' }),
    status: z.enum(['open', 'done', 'cancelled']).optional(),
    processType: plainText().max(40).optional(),
    processId: plainText().max(200).optional(),
    townshipId: z.number().int().positive().max(2147483647).optional(),
    overdue: z.boolean().optional(),
    id: idsFilter,
  })
  .strict();

export type TaskFilterValue = z.infer<typeof TaskFilter>;

export const TASK_SORTS = ['id', 'dueAt', 'createdAt', 'stepName', 'status'] as const;

const offset = z.union([
  z.object({ days: z.number().int().min(1).max(3650) }).strict(),
  z.object({ workingDays: z.number().int().min(1).max(1000) }).strict(),
  z.object({ hours: z.number().min(1).max(87600) }).strict(),
]);

/** Cap of one action's form, as JSON. */
export const MAX_FORM_BYTES = 64 * 1024;
// eslint-disable-next-line no-control-regex -- refusing the NUL character is the point
const NO_NUL = /^[^\u0000]*$/;

export const TaskActionBody = z
  .object({
    action: z.enum([...DECISIONS, ...OPERATIONS]),
    // A form is a few fields of text; each action's form goes into the workflow's history for good.
    form: z
      .record(z.string(), z.unknown())
      .refine((f) => Buffer.byteLength(JSON.stringify(f)) <= MAX_FORM_BYTES, {
        message: bilingual('表单内容过多（最多 64 KB）', 'the form is too large (64 KB at most)'),
      })
      .optional(),
    comment: z
      .string()
      .trim()
      .max(2000)
      .regex(NO_NUL, bilingual('不能包含空字符', 'must not contain NUL characters'))
      .optional(),
    returnTo: plainText().max(100).optional(),
    userIds: z.array(z.number().int().positive().max(2147483647)).max(20).optional(),
    deadline: z.union([offset, z.object({ at: z.iso.datetime({ offset: true }) }).strict()]).optional(),
    /** Sent again on a retry (double click, flaky network): the action takes effect once. */
    requestId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .optional(),
  })
  .strict()
  .openapi('TaskAction');

export const TaskActionResultSchema = z
  .object({ taskKey: z.string(), action: z.string(), stepOpen: z.boolean() })
  .openapi('TaskActionResult');
