import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppDeps } from '../context.js';
import { createRouter } from '../router.js';

const CHECK_TIMEOUT_MS = 3000;

// Anyone may ask (load balancers, the start command), so the answer names only which part is
// down: addresses and error texts go to the log, not to an anonymous caller.
const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    database: z.object({ reachable: z.boolean() }),
    temporal: z.object({ reachable: z.boolean() }),
  })
  .openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/',
  tags: ['health'],
  summary: 'Whether the database and Temporal answer',
  responses: {
    200: { description: 'Both answer', content: { 'application/json': { schema: Health } } },
    503: { description: 'One of them does not', content: { 'application/json': { schema: Health } } },
  },
});

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

async function check(probe: () => Promise<unknown>): Promise<{ reachable: boolean; error?: string }> {
  try {
    await withTimeout(probe());
    return { reachable: true };
  } catch (error) {
    return { reachable: false, error: (error as Error).message };
  }
}

export async function checkHealth(deps: AppDeps) {
  const { probeConnection, address, namespace } = deps.temporal;
  const [database, temporal] = await Promise.all([
    check(() => sql`select 1`.execute(deps.db)),
    check(() =>
      probeConnection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
        probeConnection.workflowService.describeNamespace({ namespace }),
      ),
    ),
  ]);
  const ok = database.reachable && temporal.reachable;
  return {
    status: ok ? ('ok' as const) : ('unavailable' as const),
    database,
    temporal: { address, namespace, ...temporal },
  };
}

export function createHealthRoutes() {
  const app = createRouter();
  app.openapi(health, async (c) => {
    const result = await checkHealth(c.var.deps);
    const shown = {
      status: result.status,
      database: { reachable: result.database.reachable },
      temporal: { reachable: result.temporal.reachable },
    };
    if (result.status === 'ok') return c.json(shown, 200);
    c.var.logger?.warn({ health: result }, 'health check failed');
    return c.json(shown, 503);
  });
  return app;
}
