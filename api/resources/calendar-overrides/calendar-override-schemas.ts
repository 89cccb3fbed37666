// A calendar override is keyed by its day: react-admin's `id` is the day 'YYYY-MM-DD'.
import { z } from '@hono/zod-openapi';
import { isDay } from '../../../domain/working-days.js';
import { bilingual } from '../../validation/bilingual-errors.js';
import { MAX_PAGE_SIZE } from '../list-query.js';
import { plainText } from '../../validation/plain-text.js';

export const day = z
  .string()
  .trim()
  .refine(isDay, {
    message: bilingual('日期应为有效的 YYYY-MM-DD', 'must be a real date written YYYY-MM-DD'),
    abort: true,
  })
  .refine(
    (d) => d >= '2000-01-01' && d <= '2099-12-31',
    bilingual('日期应在 2000 至 2099 年之间', 'must be in the years 2000 to 2099'),
  )
  .openapi({ example: '2026-02-14' });

const kind = z.enum(['holiday', 'workday']).openapi({ description: 'holiday 放假 / workday 上班（调休补班）' });
const name = plainText().min(1).max(50).openapi({ example: '春节' });

export const DayParam = z.object({
  id: day.openapi({ param: { name: 'id', in: 'path' }, example: '2026-02-14' }),
});

export const CalendarOverrideSchema = z
  .object({ id: z.string(), day: z.string(), kind, name })
  .openapi('CalendarOverride');

/** A holiday of the State Council's notice is a run of days (春节 2月6日至13日): at most this many at once. */
export const MAX_RUN_DAYS = 15;

export const CalendarOverrideInput = z
  .object({
    day,
    kind,
    name,
    until: day.optional().openapi({
      description: `Optional last day (inclusive): every day from \`day\` to it gets the same kind and name; at most ${MAX_RUN_DAYS} days`,
      example: '2026-02-20',
    }),
  })
  .strict()
  .openapi('CalendarOverrideInput');

// The day is the key and is not changed by an update; react-admin sends the whole record
// back, so `id` and `day` are accepted when they repeat the day in the path.
export const CalendarOverrideUpdate = z
  .object({ id: day.optional(), day: day.optional(), kind: kind.optional(), name: name.optional() })
  .strict()
  .openapi('CalendarOverrideUpdate');

export const CalendarOverrideFilter = z
  .object({
    year: z.coerce.number().int().min(2000).max(2099).optional(),
    kind: kind.optional(),
    q: plainText().max(50).optional(),
    id: z.union([day, z.array(day).max(MAX_PAGE_SIZE)]).optional(),
  })
  .strict();

export const CALENDAR_OVERRIDE_SORTS = ['day', 'id', 'kind', 'name'] as const;
