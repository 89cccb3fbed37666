// Entry point of a worker process: `npm run worker`. Run as many as the load needs.
import v8 from 'node:v8';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadSettings } from '../config/settings.js';
import { startDeliveryRetrier } from '../activities/notifications/delivery-retrier.js';
import { startStatusReconciler } from '../activities/process-status/status-reconciler.js';
import { notificationSettingsFromEnv } from '../activities/notifications/notification-settings.js';
import { createDatabase } from '../db/database.js';
import { createLogger } from '../runtime/logger.js';
import { waitForTemporal } from '../runtime/temporal-connection.js';
import { createWorker } from './create-worker.js';

const settings = loadSettings();
const logger = createLogger('qinglan-worker', settings.logLevel);
// In one shared terminal the SDK's own info lines (bundler statistics) drown the rest.
if (process.env.QINGLAN_PRETTY_LOGS === '1') Runtime.install({ logger: new DefaultLogger('WARN') });

if (!settings.databaseUrl || !settings.temporalAddress) {
  logger.fatal('DATABASE_URL and TEMPORAL_ADDRESS must be set; `npm start` runs everything on the embedded defaults');
  process.exit(1);
}

const db = createDatabase(settings.databaseUrl);
await waitForTemporal(settings.temporalAddress, settings.temporalNamespace, { timeoutMs: 120_000 });
const { worker, connection } = await createWorker({
  db,
  address: settings.temporalAddress,
  namespace: settings.temporalNamespace,
  taskQueue: settings.taskQueue,
  maxCachedWorkflows: settings.workerMaxCachedWorkflows,
});
// The heap limit comes from --max-old-space-size (npm start and docker-compose.yml set it from
// QINGLAN_WORKER_HEAP_MIB); logged so an operator sees what this process really got.
const heapLimitMiB = Math.round(v8.getHeapStatistics().heap_size_limit / 1024 / 1024);
logger.info(
  {
    taskQueue: settings.taskQueue,
    namespace: settings.temporalNamespace,
    maxCachedWorkflows: settings.workerMaxCachedWorkflows,
    heapLimitMiB,
  },
  'worker polling',
);

// Emails and group-robot messages that failed before are sent again from every worker.
const retrier = startDeliveryRetrier({
  db,
  settings: notificationSettingsFromEnv(),
  onRun: (outcome) => logger.info(outcome, 'notification deliveries retried'),
  onError: (error) => logger.warn({ err: error }, 'retrying notification deliveries failed'),
});

// Processes that ended without saying so (terminated, failed) are written as ended, from
// every worker: the writes are conditional, so several doing it at once is harmless.
const clientConnection = await Connection.connect({ address: settings.temporalAddress });
const reconciler = startStatusReconciler({
  db,
  client: new Client({ connection: clientConnection, namespace: settings.temporalNamespace }),
  onRun: (outcome) => logger.info(outcome, 'process statuses repaired from Temporal'),
  onError: (error) => logger.warn({ err: error }, 'repairing process statuses failed'),
});

// Worker.run resolves after shutdown(): SIGINT/SIGTERM are handled by the SDK itself.
// Started by `npm start`: stop with it, even if it was killed outright.
process.once('disconnect', () => worker.shutdown());
await worker.run();
await retrier.stop();
await reconciler.stop();
await clientConnection.close();
await connection.close();
await db.destroy();
logger.info('worker stopped');
// The SDK's native runtime keeps the event loop alive; the work is done, so leave.
process.exit(0);
