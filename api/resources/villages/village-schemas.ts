import { z } from '@hono/zod-openapi';
import { bilingual } from '../../validation/bilingual-errors.js';
import { idsFilter, searchFilter } from '../list-query.js';
import { plainText } from '../../validation/plain-text.js';

const kind = z.enum(['village', 'community']).openapi({ description: 'village 村 / community 社区' });
const area = z.enum(['rural', 'urban']).openapi({ description: 'rural 农村 / urban 城镇' });

export const VillageSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    kind,
    area,
    townshipId: z.number().int(),
    townshipName: z.string(),
    relaxedAgeLimit: z.boolean().openapi({ description: '后备干部年龄放宽村 (the relaxed age limit applies)' }),
    cadreCount: z.number().int(),
  })
  .openapi('Village');

export const VillageInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{12}$/, bilingual('区划代码应为 12 位数字', 'code must be 12 digits')),
    name: plainText().min(2).max(30),
    kind,
    area,
    townshipId: z.number().int().positive().max(2147483647),
    // Marked by the county: the reserve pool's relaxed age limit applies to this village.
    relaxedAgeLimit: z.boolean().optional(),
  })
  .strict()
  .openapi('VillageInput');

export const VillageFilter = z
  .object({
    q: searchFilter,
    townshipId: z.number().int().positive().max(2147483647).optional(),
    kind: kind.optional(),
    area: area.optional(),
    id: idsFilter,
  })
  .strict();

export const VILLAGE_SORTS = ['id', 'code', 'name', 'kind', 'area', 'townshipId', 'cadreCount'] as const;
