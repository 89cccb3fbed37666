import { hash, verify } from '@node-rs/argon2';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { clientIp, writeAudit } from '../audit/audit.js';
import { fail } from '../errors/errors.js';
import { servedOverHttps } from '../net/client-address.js';
import { errorResponses } from '../openapi/responses.js';
import { requireUser, sessionToken } from './authenticate.js';
import { loginRetryAfter } from './rate-limit.js';
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_HOURS, createSession, deleteSession, toSessionUser } from './sessions.js';
import { SessionSchema } from './user-schema.js';
import { plainText } from '../validation/plain-text.js';

const LoginBody = z
  .object({
    username: plainText().min(1).max(64),
    password: z.string().min(1).max(256),
    mode: z
      .enum(['cookie', 'bearer'])
      .default('cookie')
      .openapi({ description: 'bearer: for scripts; no cookie is set.' }),
  })
  .strict()
  .openapi('LoginRequest');

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in',
  request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: SessionSchema } } },
    ...errorResponses(400, 401, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Sign out',
  middleware: [requireUser] as const,
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user',
  middleware: [requireUser] as const,
  responses: {
    200: { description: 'Current session', content: { 'application/json': { schema: SessionSchema } } },
    ...errorResponses(401),
  },
});

let dummy: Promise<string> | undefined;
/** A hash with the same cost as the accounts' (the library's defaults), of a password nobody has. */
const dummyHash = () => (dummy ??= hash(`qinglan-no-such-user-${Math.random()}`));

export function createAuthRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(login, async (c) => {
    const { username, password, mode } = c.req.valid('json');
    const db = c.var.deps.db;
    const wait = await loginRetryAfter(db, username, clientIp(c));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw fail('rate_limited');
    }
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .where('active', '=', true)
      .executeTakeFirst();
    // An unknown name is checked against a hash too: answering it faster would tell which names exist.
    const ok = await verify(row?.password_hash ?? (await dummyHash()), password).catch(() => false);
    if (!row || !ok) {
      await writeAudit(c, { action: 'login.failed', username });
      throw fail('bad_credentials');
    }
    const user = toSessionUser(row);
    c.set('user', user);
    const session = await createSession(db, user.id, mode);
    await writeAudit(c, { action: 'login.succeeded', detail: { mode } });
    if (mode === 'bearer') return c.json({ user, csrfToken: session.csrfToken, token: session.token }, 200);
    // Secure over HTTPS: in production always, elsewhere when this request came over HTTPS.
    const secure = (c.var.deps.secureCookies ?? false) || servedOverHttps(c);
    const cookie = { path: '/', sameSite: 'Lax' as const, secure, maxAge: SESSION_HOURS * 3600 };
    setCookie(c, SESSION_COOKIE, session.token, { ...cookie, httpOnly: true });
    setCookie(c, CSRF_COOKIE, session.csrfToken, cookie);
    return c.json({ user, csrfToken: session.csrfToken }, 200);
  });

  app.openapi(logout, async (c) => {
    const presented = sessionToken(c);
    if (presented) await deleteSession(c.var.deps.db, presented.token);
    await writeAudit(c, { action: 'logout' });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    deleteCookie(c, CSRF_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.openapi(me, (c) => c.json({ user: c.var.user, csrfToken: c.var.csrfToken }, 200));

  return app;
}
