// The real API and the built console on a free loopback port, for browser tests.
import fs from 'node:fs';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../../api/app.js';
import type { TemporalHandle } from '../../api/context.js';
import type { DB } from '../../db/database.js';
import { freePort } from './free-port.js';

export async function serveApp(
  db: DB,
  temporal: TemporalHandle,
  options: { temporalUiUrl?: string; port?: number } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const staticDir = path.resolve('admin/dist');
  if (!fs.existsSync(path.join(staticDir, 'index.html')))
    throw new Error('The console is not built: run "npm run build:admin" first.');
  const { port = await freePort(), ...appOptions } = options;
  const app = createApp({ db, temporal, logger: pino({ level: 'silent' }), staticDir, ...appOptions });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    // Open keep-alive connections too: a closed server answers nobody, as a dead API.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
