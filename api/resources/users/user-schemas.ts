import { z } from '@hono/zod-openapi';
import { ROLES } from '../../../db/schema.js';
import { SessionUserSchema } from '../../auth/user-schema.js';
import { bilingual } from '../../validation/bilingual-errors.js';
import { idsFilter, searchFilter } from '../list-query.js';
import { plainText } from '../../validation/plain-text.js';

/** An account as the API lists it: the session's user, and whether it may sign in. */
export const UserSchema = SessionUserSchema.extend({ active: z.boolean() }).openapi('User');
export type UserRecord = z.infer<typeof UserSchema>;

const fields = {
  username: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9._-]{2,31}$/,
      bilingual('用户名为 3–32 位小写字母、数字、点、横线或下划线', 'username: 3–32 of a-z 0-9 . - _'),
    ),
  password: z.string().min(8).max(256),
  displayName: plainText().min(1).max(40),
  role: z.enum(ROLES),
  townshipId: z.number().int().positive().max(2147483647).nullable().optional(),
  villageId: z.number().int().positive().max(2147483647).nullable().optional(),
  personId: z.number().int().positive().max(2147483647).nullable().optional(),
  active: z.boolean().optional(),
};

export const UserInput = z.object(fields).strict().openapi('UserInput');
export const UserUpdate = z.object(fields).partial().strict().openapi('UserUpdate');

export const UserFilter = z
  .object({
    q: searchFilter,
    role: z.enum(ROLES).optional(),
    townshipId: z.number().int().positive().max(2147483647).optional(),
    active: z.boolean().optional(),
    id: idsFilter,
  })
  .strict();

export const USER_SORTS = ['id', 'username', 'displayName', 'role', 'townshipId', 'active'] as const;
