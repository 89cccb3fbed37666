// Entry point of the API process: `npm run api`. Needs DATABASE_URL and TEMPORAL_ADDRESS
// (the start command sets both for the embedded defaults).
import path from 'node:path';
import { serve } from '@hono/node-server';
import { loadSettings } from '../config/settings.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger } from '../runtime/logger.js';
import { ensureSearchAttributes } from '../runtime/search-attributes.js';
import { waitForTemporal } from '../runtime/temporal-connection.js';
import { createApp } from './app.js';
import { resumeBulkOperations } from './processes/bulk/bulk-runner.js';
import { connectTemporal } from './temporal/connect-temporal.js';

const settings = loadSettings();
const logger = createLogger('qinglan-api', settings.logLevel);

if (!settings.databaseUrl || !settings.temporalAddress) {
  logger.fatal('DATABASE_URL and TEMPORAL_ADDRESS must be set; `npm start` runs everything on the embedded defaults');
  process.exit(1);
}

const db = createDatabase(settings.databaseUrl);
const applied = await migrateToLatest(db);
if (applied.length) logger.info({ applied }, 'migrations applied');

await waitForTemporal(settings.temporalAddress, settings.temporalNamespace, { timeoutMs: 120_000 });
const temporal = await connectTemporal({
  address: settings.temporalAddress,
  namespace: settings.temporalNamespace,
  taskQueue: settings.taskQueue,
  idPrefix: settings.idPrefix,
});
const added = await ensureSearchAttributes(temporal.connection, settings.temporalNamespace);
if (added.length) logger.info({ added }, 'search attributes registered');

const app = createApp({
  db,
  temporal,
  logger,
  staticDir: path.resolve('admin/dist'),
  secureCookies: settings.production,
  temporalUiUrl: settings.temporalUiUrl,
});

// Bulk operations an earlier API left unfinished go on from their last item.
void resumeBulkOperations({ db, temporal, logger }).catch((err: unknown) =>
  logger.error({ err }, 'could not resume bulk operations'),
);

const server = serve({ fetch: app.fetch, port: settings.port, hostname: process.env.HOST || '0.0.0.0' }, (info) => {
  logger.info({ port: info.port }, `API and console on http://localhost:${info.port}`);
});

async function shutdown(signal: string) {
  logger.info({ signal }, 'stopping');
  server.close();
  await temporal.connection.close().catch(() => {});
  await temporal.probeConnection.close().catch(() => {});
  await db.destroy();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
// Started by `npm start`: stop with it, even if it was killed outright.
process.once('disconnect', () => void shutdown('parent gone'));
