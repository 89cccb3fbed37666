import { z } from '@hono/zod-openapi';
import { bilingual } from '../../validation/bilingual-errors.js';
import { idsFilter, searchFilter } from '../list-query.js';
import { plainText } from '../../validation/plain-text.js';

const kind = z.enum(['township', 'subdistrict']).openapi({ description: 'township 乡镇 / subdistrict 街道' });

export const TownshipSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    kind,
    villageCount: z.number().int(),
    cadreCount: z.number().int(),
  })
  .openapi('Township');

export const TownshipInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{9}$/, bilingual('区划代码应为 9 位数字', 'code must be 9 digits')),
    name: plainText().min(2).max(30),
    kind,
  })
  .strict()
  .openapi('TownshipInput');

export const TownshipFilter = z.object({ q: searchFilter, kind: kind.optional(), id: idsFilter }).strict();

export const TOWNSHIP_SORTS = ['id', 'code', 'name', 'kind', 'villageCount', 'cadreCount'] as const;
