import { createRoute, z } from '@hono/zod-openapi';
import proto from '@temporalio/proto';
import { sql } from 'kysely';
import type { AppDeps } from '../context.js';
import { createRouter } from '../router.js';

const CHECK_TIMEOUT_MS = 3000;
/**
 * A worker re-polls at least once a minute even when idle (Temporal's long poll ends after
 * 60 s), so a poll seen within this window means a worker is there.
 */
const WORKER_SEEN_WITHIN_MS = 90_000;

// Anyone may ask (load balancers, the start command), so the answer names only which part is
// down: addresses and error texts go to the log, not to an anonymous caller.
const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    database: z.object({ reachable: z.boolean() }),
    temporal: z.object({ reachable: z.boolean() }),
    // Informational: the API answers without a worker, but no process moves on until one polls.
    // null: this Temporal does not tell (the time-skipping test server has no DescribeTaskQueue).
    worker: z.object({ polling: z.boolean().nullable() }),
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

/** gRPC's UNIMPLEMENTED: a server without the method, not a server that is down. */
const UNIMPLEMENTED = 12;

/** Whether a worker has polled the task queue lately (as Temporal's own UI shows pollers). */
async function workerPolling(deps: AppDeps): Promise<boolean | null> {
  const { probeConnection, namespace, taskQueue } = deps.temporal;
  try {
    const answer = await withTimeout(
      probeConnection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
        probeConnection.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue },
          taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        }),
      ),
    );
    const seenSince = Date.now() - WORKER_SEEN_WITHIN_MS;
    return (answer.pollers ?? []).some((poller) => {
      const seconds = Number(poller.lastAccessTime?.seconds ?? 0);
      return seconds * 1000 >= seenSince;
    });
  } catch (error) {
    // Without an answer the console would tell every visitor the worker is down.
    return (error as { code?: number }).code === UNIMPLEMENTED ? null : false;
  }
}

export async function checkHealth(deps: AppDeps) {
  const { probeConnection, address, namespace } = deps.temporal;
  const [database, temporal, polling] = await Promise.all([
    check(() => sql`select 1`.execute(deps.db)),
    check(() =>
      probeConnection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
        probeConnection.workflowService.describeNamespace({ namespace }),
      ),
    ),
    workerPolling(deps),
  ]);
  const ok = database.reachable && temporal.reachable;
  return {
    status: ok ? ('ok' as const) : ('unavailable' as const),
    database,
    temporal: { address, namespace, ...temporal },
    worker: { polling },
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
      worker: result.worker,
    };
    if (result.status === 'ok') return c.json(shown, 200);
    c.var.logger?.warn({ health: result }, 'health check failed');
    return c.json(shown, 503);
  });
  return app;
}
