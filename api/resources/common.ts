import { sql } from 'kysely';
import { z } from '@hono/zod-openapi';
import type { SessionUser } from '../context.js';
import { fail } from '../errors/errors.js';
import { canWrite, type WritableResource } from '../scope/permissions.js';

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2147483647)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export function assertCanWrite(user: SessionUser, resource: WritableResource): void {
  if (!canWrite(user.role, resource)) throw fail('forbidden');
}

/** `%` and `_` in a search box are letters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** PostgreSQL's unique-violation, turned into a 409 naming the field. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}

export function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23503';
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/**
 * The ORDER BY of a list: Chinese names in pinyin order (ICU's zh collation), other fields
 * by their output column.
 */
export function orderBy(field: string, chineseColumns: Record<string, string> = {}) {
  const column = chineseColumns[field];
  return column ? sql`${sql.ref(column)} collate "zh-x-icu"` : sql.ref(field);
}
