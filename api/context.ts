import type { Client, Connection } from '@temporalio/client';
import type { Logger } from 'pino';
import type { DB } from '../db/database.js';
import type { z } from '@hono/zod-openapi';
import type { SessionUserSchema } from './auth/user-schema.js';

/** The Temporal side of the app: a client and where it points. */
export interface TemporalHandle {
  client: Client;
  connection: Connection;
  /** Without retries, for /api/health. */
  probeConnection: Connection;
  address: string;
  namespace: string;
  taskQueue: string;
  /**
   * Prefix of every workflow id this installation starts, so two installations (or two test
   * databases) can share one Temporal namespace without their ids meeting. Empty by default.
   */
  idPrefix?: string;
}

/** What the API is built from; tests pass their own database and dev server. */
export interface AppDeps {
  db: DB;
  temporal: TemporalHandle;
  logger: Logger;
  /** Folder of the built console; served at / when present. */
  staticDir?: string;
  /** Cookies get `Secure` in production (behind HTTPS). */
  secureCookies?: boolean;
  /** The Temporal UI's address (QINGLAN_TEMPORAL_UI_URL): the raw history links to it when set. */
  temporalUiUrl?: string;
}

/** The signed-in user, as `GET /api/auth/me` describes them (declared once, by its schema). */
export type SessionUser = z.infer<typeof SessionUserSchema>;

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    deps: AppDeps;
    user: SessionUser;
    sessionKind: 'cookie' | 'bearer';
    csrfToken: string;
  };
}
