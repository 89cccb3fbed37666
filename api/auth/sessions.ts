import type { DB } from '../../db/database.js';
import type { User } from '../../db/schema.js';
import type { SessionUser } from '../context.js';
import { newToken, tokenId } from './tokens.js';

export const SESSION_COOKIE = 'qinglan_session';
export const CSRF_COOKIE = 'qinglan_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
/** A working day and some: staff sign in once in the morning. */
export const SESSION_HOURS = 12;

export async function createSession(db: DB, userId: number, kind: 'cookie' | 'bearer') {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db
    .insertInto('sessions')
    .values({ id: tokenId(token), user_id: userId, csrf_token: csrfToken, kind, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function findSession(db: DB, token: string) {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.kind',
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.township_id',
      'users.village_id',
      'users.person_id',
    ])
    .where('sessions.id', '=', tokenId(token))
    .where('sessions.expires_at', '>', new Date())
    .where('users.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return { user: toSessionUser(row), csrfToken: row.csrf_token, kind: row.kind };
}

/** A users row as the API speaks of the signed-in person. */
export function toSessionUser(
  row: Pick<User, 'id' | 'username' | 'display_name' | 'role' | 'township_id' | 'village_id' | 'person_id'>,
): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    townshipId: row.township_id,
    villageId: row.village_id,
    personId: row.person_id,
  };
}

export async function deleteSession(db: DB, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
}
