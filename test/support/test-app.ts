// The real API over a fresh clone of the demo database and the suite's Temporal dev server.
import pino from 'pino';
import { inject } from 'vitest';
import { createApp } from '../../api/app.js';
import type { TemporalHandle } from '../../api/context.js';
import { connectTemporal } from '../../api/temporal/connect-temporal.js';
import { createWorker } from '../../worker/create-worker.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp extends TestDatabase {
  app: ReturnType<typeof createApp>;
  temporal: TemporalHandle;
  request(path: string, init?: RequestInit & { as?: Session }): Promise<Response>;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: number;
}

export async function createTestApp(options: { temporalAddress?: string; worker?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const temporal = await connectTemporal({
    address: options.temporalAddress ?? inject('temporalAddress'),
    namespace: 'default',
    taskQueue: `test-${Math.random().toString(36).slice(2)}`,
    // Every test file clones the same county onto one dev server: keep their workflow ids apart.
    idPrefix: `t${Math.random().toString(36).slice(2, 8)}-`,
  });
  const app = createApp({ db: database.db, temporal, logger: pino({ level: 'silent' }) });
  // Processes need a worker on the app's task queue; on the dev server they run in real time.
  const worker = options.worker
    ? await createWorker({
        db: database.db,
        address: temporal.address,
        namespace: 'default',
        taskQueue: temporal.taskQueue,
        notifications: { mailFrom: 'test@qinglan.local', publicUrl: 'http://localhost' },
      })
    : undefined;
  const running = worker?.worker.run();

  const request: TestApp['request'] = (path, init = {}) => {
    const { as, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (as) {
      headers.set('cookie', as.cookie);
      if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', as.csrfToken);
    }
    if (typeof rest.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return Promise.resolve(app.request(path, { ...rest, headers }));
  };

  return {
    ...database,
    app,
    temporal,
    request,
    async login(username, password = 'demo') {
      const res = await request('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { csrfToken: string; user: { id: number } };
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
    },
    async close() {
      if (worker) {
        worker.worker.shutdown();
        await running;
        await worker.connection.close();
      }
      await temporal.connection.close().catch(() => {});
      await temporal.probeConnection.close().catch(() => {});
      await database.drop();
    },
  };
}

/** Builds react-admin's list query string. */
export function listQuery(params: {
  sort?: [string, string];
  range?: [number, number];
  filter?: Record<string, unknown>;
}): string {
  const q = new URLSearchParams();
  if (params.sort) q.set('sort', JSON.stringify(params.sort));
  if (params.range) q.set('range', JSON.stringify(params.range));
  if (params.filter) q.set('filter', JSON.stringify(params.filter));
  return q.toString();
}
