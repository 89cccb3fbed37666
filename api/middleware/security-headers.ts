// Security headers for every answer: the API's JSON, its docs page and the console.
// - The API answers data only: nothing in it may run or be framed (CSP default-src 'none').
// - Personal data must not stay in a browser's or proxy's cache: /api answers are no-store.
// - The docs page and the console load their scripts from this server only.
// - HSTS only when the request came over HTTPS (directly or via a trusted proxy): sent over
//   plain HTTP it would be ignored at best, and on a test machine it pins localhost to HTTPS.
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { servedOverHttps } from '../net/client-address.js';

const HSTS = 'max-age=31536000; includeSubDomains';

const common = { crossOriginEmbedderPolicy: false, strictTransportSecurity: false, xFrameOptions: 'DENY' } as const;

const apiHeaders = secureHeaders({
  ...common,
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
});

const docsHeaders = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
});

/** The console: its own scripts only; MUI writes style attributes, so inline styles are allowed. */
export const consoleHeaders = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
});

export const isDocsPath = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/');

/**
 * Sets a header on the answer already made, as secureHeaders does. Not `c.header()`: once the
 * answer is made it rebuilds it around its body as a stream, so the Node adapter would no longer
 * write a JSON answer in one piece but pipe it through a web stream (a third of the signed-in
 * floor's time, GET /api/auth/me, went to that).
 */
const setOnAnswer = (c: Context, name: string, value: string) => c.res.headers.set(name, value);

export const apiSecurityHeaders: MiddlewareHandler = async (c, next) => {
  const docs = isDocsPath(c.req.path);
  await (docs ? docsHeaders : apiHeaders)(c, next);
  if (!docs || c.req.path === '/api/docs') setOnAnswer(c, 'Cache-Control', 'no-store');
};

export const strictTransportSecurity: MiddlewareHandler = async (c, next) => {
  await next();
  if (servedOverHttps(c)) setOnAnswer(c, 'Strict-Transport-Security', HSTS);
};
