import { z } from '@hono/zod-openapi';
import { ProcessFilter } from '../process-list-filter.js';

export const BULK_ACTION_KEYS = ['cancel', 'terminate', 'retry', 'urge'] as const;

const Action = z
  .enum(BULK_ACTION_KEYS)
  .openapi({ description: '撤销 cancel, 强制终止 terminate (county admin), 重试异常 retry, 催办 urge' });

/** The same filter object as `GET /api/processes?filter=…`. */
export const BulkPreviewBody = z.object({ action: Action, filter: ProcessFilter.default({}) }).strict();

export const BulkRunBody = z
  .object({
    action: Action,
    filter: ProcessFilter.default({}),
    /** Written on each process's timeline (撤销, 强制终止: required); the urge's message for 催办. */
    reason: z.string().trim().max(500).optional(),
    /** The client's key: the same requestId again returns the same operation, and runs nothing twice. */
    requestId: z.string().trim().min(8).max(100),
  })
  .strict()
  .openapi('BulkRun');

const Target = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  subjectName: z.string().nullable(),
  townshipName: z.string().nullable(),
  currentStep: z.string().nullable(),
  status: z.string(),
  /** Why it would be skipped; null when the action applies. */
  skip: z.string().nullable(),
});

export const BulkPreviewSchema = z
  .object({
    total: z.number().int(),
    /** Processes the action would act on, and those it would skip. */
    acting: z.number().int(),
    skipping: z.number().int(),
    /** The first 200 matched, oldest first; `truncated` when there are more. */
    items: z.array(Target),
    truncated: z.boolean(),
  })
  .openapi('BulkPreview');

const Count = z.number().int();
export const BulkOperationSchema = z
  .object({
    id: z.number().int(),
    requestId: z.string(),
    action: Action,
    reason: z.string().nullable(),
    status: z.enum(['running', 'done']),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    total: Count,
    done: Count,
    succeeded: Count,
    skipped: Count,
    failed: Count,
    items: z.array(
      z.object({
        processId: z.string(),
        title: z.string().nullable(),
        type: z.string().nullable(),
        townshipName: z.string().nullable(),
        status: z.enum(['pending', 'succeeded', 'skipped', 'failed']),
        /** Why skipped, or the error it failed with. */
        message: z.string().nullable(),
      }),
    ),
  })
  .openapi('BulkOperation');
