// What the drill reads to know whether the product is up: the API's health probe, sampled
// while a fault lasts, and a whole round trip through Temporal, the worker and PostgreSQL.
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';

export interface HealthSample {
  at: number;
  /** 0 when the API did not answer at all */
  http: number;
  database?: boolean;
  temporal?: boolean;
  worker?: boolean;
}

export const allUp = (s: HealthSample) =>
  s.http === 200 && s.database === true && s.temporal === true && s.worker === true;

/** One answer of GET /api/health, or `http: 0` when nothing answers. */
export async function sampleHealth(apiUrl: string): Promise<HealthSample> {
  const at = Date.now();
  try {
    const res = await fetch(`${apiUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as {
      database: { reachable: boolean };
      temporal: { reachable: boolean };
      worker: { polling: boolean | null };
    };
    return {
      at,
      http: res.status,
      database: body.database.reachable,
      temporal: body.temporal.reachable,
      worker: body.worker.polling ?? undefined,
    };
  } catch {
    return { at, http: 0 };
  }
}

/** Which part a sample names as down, in the words the drill prints. */
export function outageOf(s: HealthSample): string | undefined {
  if (s.http === 0) return 'API unreachable';
  if (s.database === false) return 'database down';
  if (s.temporal === false) return 'Temporal down';
  if (s.worker === false) return 'no worker polling';
  if (s.http !== 200) return `HTTP ${s.http}`;
  return undefined;
}

/** A whole round trip: the dev server hands a workflow to the worker, whose activity reads PostgreSQL. */
export async function probeRoundTrip(temporalPort: number, label: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}`, connectTimeout: 5000 });
      try {
        const client = new Client({ connection });
        const result = await client.workflow.execute('healthProbe', {
          taskQueue: 'qinglan',
          workflowId: `chaos-probe-${label}-${Date.now()}`,
          args: [label],
          workflowExecutionTimeout: '2 minutes',
        });
        if ((result as { echo: string }).echo === label) return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`round trip ${label} failed: ${(error as Error).message}`);
      await sleep(500);
    }
  }
}
