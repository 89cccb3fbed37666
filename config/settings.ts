// One place that reads the environment, so every entry point (start, api, worker, tests)
// agrees on names and defaults.
import path from 'node:path';

export interface Settings {
  /** HTTP port of the API and console. */
  port: number;
  /** Folder for the embedded engine's and database's files. */
  dataDir: string;
  /** Set: use that PostgreSQL. Unset: start embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Port of the embedded PostgreSQL. */
  embeddedPgPort: number;
  /** Set: use that Temporal cluster. Unset: start the dev server. */
  temporalAddress: string | undefined;
  temporalNamespace: string;
  /** Ports of the embedded Temporal dev server (frontend gRPC and web UI). */
  temporalDevPort: number;
  temporalUiPort: number;
  /** The Temporal UI's address for links to a workflow; `npm start` sets its dev server's. */
  temporalUiUrl: string | undefined;
  taskQueue: string;
  /** Prefix of workflow ids, for installations sharing a Temporal namespace. */
  idPrefix: string;
  production: boolean;
  logLevel: string;
  /**
   * Workflows a worker keeps in memory between their steps (Temporal's sticky cache). Ours wait
   * weeks on people, so a small cache costs a short replay when a step comes back and saves
   * about 0.65 MiB per workflow (bench/README.md); the SDK's default fills most of the heap.
   */
  workerMaxCachedWorkflows: number;
  /**
   * V8 heap limit of a worker process, in MiB (--max-old-space-size, which also bounds the
   * workflow thread). Without it V8 lets garbage grow toward a quarter of the machine's memory
   * before collecting: 3.5 GiB RSS for a county-wide start here, 1.4 GiB with 1024 and the
   * cache above, for about 10–15% more time (bench/README.md).
   */
  workerHeapMiB: number;
}

function intFromEnv(name: string, fallback: number, max = 65535, what = 'a port number'): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    throw new Error(`${name} must be ${what} between 1 and ${max}, got "${raw}"`);
  }
  return value;
}

export const DEFAULT_MAX_CACHED_WORKFLOWS = 500;

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    port: intFromEnv('PORT', 3000),
    dataDir: path.resolve(env.QINGLAN_DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPgPort: intFromEnv('QINGLAN_PG_PORT', 54329),
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    temporalDevPort: intFromEnv('QINGLAN_TEMPORAL_PORT', 7233),
    temporalUiPort: intFromEnv('QINGLAN_TEMPORAL_UI_PORT', 8233),
    temporalUiUrl: env.QINGLAN_TEMPORAL_UI_URL?.trim() || undefined,
    taskQueue: env.QINGLAN_TASK_QUEUE || 'qinglan',
    idPrefix: env.QINGLAN_ID_PREFIX || '',
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL || 'info',
    workerMaxCachedWorkflows: intFromEnv(
      'QINGLAN_WORKER_MAX_CACHED_WORKFLOWS',
      DEFAULT_MAX_CACHED_WORKFLOWS,
      100_000,
      'a number of workflows',
    ),
    workerHeapMiB: intFromEnv('QINGLAN_WORKER_HEAP_MIB', 1024, 65_536, 'a heap size in MiB'),
  };
}
