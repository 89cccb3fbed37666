import { z } from '@hono/zod-openapi';
import { ROLES } from '../../db/schema.js';

export const SessionUserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    townshipId: z.number().int().nullable(),
    villageId: z.number().int().nullable(),
    personId: z.number().int().nullable(),
  })
  .openapi('SessionUser');

export const SessionSchema = z
  .object({
    user: SessionUserSchema,
    csrfToken: z.string().openapi({ description: 'Send back as X-CSRF-Token on writes made with the session cookie.' }),
    token: z
      .string()
      .optional()
      .openapi({ description: 'Only for mode "bearer": send as Authorization: Bearer <token>.' }),
  })
  .openapi('Session');
