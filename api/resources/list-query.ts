// react-admin's simple-REST list query: sort=["field","ASC"], range=[0,24], filter={...},
// all JSON in the query string. Each resource names what it can sort and filter by; anything
// else is a clear 400 naming the parameter.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { invalidField, fail } from '../errors/errors.js';
import { fieldErrors } from '../validation/bilingual-errors.js';
import { plainText } from '../validation/plain-text.js';

/** Larger pages are refused: a county's lists are paged, exports have their own route. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 25;

export const ListQuerySchema = z.object({
  sort: z.string().optional().openapi({ example: '["name","ASC"]' }),
  range: z.string().optional().openapi({ example: '[0,24]' }),
  filter: z.string().optional().openapi({ example: '{"q":"桃"}' }),
});

export interface ListQuery<F, S extends string> {
  sort: { field: S; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
  filter: F;
}

function parseJson(value: string, field: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw invalidField(field, '不是有效的 JSON', 'is not valid JSON');
  }
}

const SortSchema = z.tuple([z.string(), z.enum(['ASC', 'DESC', 'asc', 'desc'])]);
const RangeSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

export function parseListQuery<F, S extends string>(
  c: Context,
  options: { filter: z.ZodType<F>; sortable: readonly S[]; defaultSort: S },
): ListQuery<F, S> {
  const query = c.req.query();
  let sort: ListQuery<F, S>['sort'] = { field: options.defaultSort, order: 'asc' };
  if (query.sort) {
    const parsed = SortSchema.safeParse(parseJson(query.sort, 'sort'));
    if (!parsed.success) throw invalidField('sort', '排序格式应为 ["字段","ASC"]', 'sort must be ["field","ASC|DESC"]');
    const [field, order] = parsed.data;
    if (!(options.sortable as readonly string[]).includes(field)) {
      throw invalidField(
        'sort',
        `不能按“${field}”排序`,
        `cannot sort by "${field}"; one of ${options.sortable.join(', ')}`,
      );
    }
    sort = { field: field as S, order: order.toLowerCase() as 'asc' | 'desc' };
  }

  let offset = 0;
  let limit = DEFAULT_PAGE_SIZE;
  if (query.range) {
    const parsed = RangeSchema.safeParse(parseJson(query.range, 'range'));
    if (!parsed.success || parsed.data[1] < parsed.data[0]) {
      throw invalidField(
        'range',
        '分页格式应为 [起始,结束]，且结束不小于起始',
        'range must be [start,end] with end >= start',
      );
    }
    const [start, end] = parsed.data;
    if (end - start + 1 > MAX_PAGE_SIZE) {
      throw invalidField('range', `每页最多 ${MAX_PAGE_SIZE} 条`, `at most ${MAX_PAGE_SIZE} rows per page`);
    }
    offset = start;
    limit = end - start + 1;
  }

  const rawFilter = query.filter ? parseJson(query.filter, 'filter') : {};
  const filter = options.filter.safeParse(rawFilter);
  if (!filter.success) throw fail('validation_failed', fieldErrors(filter.error, 'filter'));
  // react-admin's getMany asks for ids without a range and needs every one of them back.
  const ids = (rawFilter as { id?: unknown }).id;
  if (!query.range && Array.isArray(ids)) limit = Math.max(DEFAULT_PAGE_SIZE, ids.length);
  return { sort, offset, limit, filter: filter.data };
}

/** Sets react-admin's Content-Range header: `cadres 0-24/2478`. */
export function setContentRange(c: Context, resource: string, offset: number, count: number, total: number): void {
  const end = count === 0 ? offset : offset + count - 1;
  c.header('Content-Range', `${resource} ${offset}-${end}/${total}`);
}

/** Filter pieces most resources share. `id` is what react-admin's getMany sends. */
export const idsFilter = z
  .union([
    z.number().int().positive().max(2147483647),
    z.array(z.number().int().positive().max(2147483647)).max(MAX_PAGE_SIZE),
  ])
  .optional();
export const searchFilter = plainText().max(50).optional();

export function idList(ids: number | number[] | undefined): number[] | undefined {
  if (ids === undefined) return undefined;
  return Array.isArray(ids) ? ids : [ids];
}
