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
  taskQueue: string;
  /** Prefix of workflow ids, for installations sharing a Temporal namespace. */
  idPrefix: string;
  production: boolean;
  logLevel: string;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`${name} must be a port number between 1 and 65535, got "${raw}"`);
  }
  return value;
}

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
    taskQueue: env.QINGLAN_TASK_QUEUE || 'qinglan',
    idPrefix: env.QINGLAN_ID_PREFIX || '',
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL || 'info',
  };
}
