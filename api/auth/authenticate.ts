// Finds the signed-in user from a bearer token (scripts) or the session cookie (console),
// and checks the CSRF token on every cookie-authenticated write.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { fail } from '../errors/errors.js';
import type { AppEnv } from '../context.js';
import { CSRF_HEADER, SESSION_COOKIE, findSession } from './sessions.js';
import { sameToken } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionToken(c: Context): { token: string; kind: 'cookie' | 'bearer' } | undefined {
  const authorization = c.req.header('authorization');
  if (authorization?.toLowerCase().startsWith('bearer '))
    return { token: authorization.slice(7).trim(), kind: 'bearer' };
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, kind: 'cookie' } : undefined;
}

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  const presented = sessionToken(c);
  if (!presented) throw fail('unauthenticated');
  const session = await findSession(c.var.deps.db, presented.token);
  // A cookie token used as a bearer (or the reverse) is refused: each kind has its own checks.
  if (!session || session.kind !== presented.kind) throw fail('unauthenticated');
  if (presented.kind === 'cookie' && !SAFE_METHODS.has(c.req.method)) {
    const header = c.req.header(CSRF_HEADER);
    if (!header || !sameToken(header, session.csrfToken)) throw fail('csrf_failed');
  }
  c.set('user', session.user);
  c.set('sessionKind', session.kind);
  c.set('csrfToken', session.csrfToken);
  c.set('logger', c.var.logger.child({ user: session.user.username }));
  await next();
});
