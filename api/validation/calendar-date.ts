import { z } from '@hono/zod-openapi';
import { bilingual } from './bilingual-errors.js';

/**
 * A day on the calendar, 'YYYY-MM-DD': a shape check alone lets 2026-02-30 or 0000-00-00
 * through to PostgreSQL, which refuses them with a 500 instead of naming the field.
 */
export const calendarDate = () =>
  z.iso
    .date({
      error: bilingual('日期格式应为 YYYY-MM-DD，且须是存在的日期', 'date must be an existing day, YYYY-MM-DD'),
      // One message per field: a day that does not exist is not also out of range.
      abort: true,
    })
    .refine(
      (d) => d >= '1900-01-01' && d <= '2199-12-31',
      bilingual('日期须在 1900 年至 2199 年之间', 'date must fall between 1900 and 2199'),
    );
