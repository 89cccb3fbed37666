import { z } from '@hono/zod-openapi';
import { GRADES } from '../../../workflows/annual-assessment/rubric.js';

/** A cycle's rubric as the API takes it; `rubricProblems` then checks weights and thresholds. */
export const RubricSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z_]{1,30}$/),
            name: z.string().min(1).max(30),
            weight: z.number().gt(0).max(1),
            max: z.number().positive().max(100),
          })
          .strict(),
      )
      .min(1)
      .max(10),
    thresholds: z.array(z.object({ grade: z.enum(GRADES), min: z.number().min(0).max(100) }).strict()).length(4),
  })
  .strict()
  .openapi('Rubric');
