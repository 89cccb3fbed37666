import { NativeConnection, Worker } from '@temporalio/worker';
import { DEFAULT_MAX_CACHED_WORKFLOWS } from '../config/settings.js';
import type { DB } from '../db/database.js';
import { createActivities } from '../activities/index.js';
import type { NotificationSettings } from '../activities/notifications/notification-settings.js';
import { workflowSources } from './workflow-sources.js';

export async function createWorker(options: {
  db: DB;
  address: string;
  namespace: string;
  taskQueue: string;
  notifications?: NotificationSettings;
  maxCachedWorkflows?: number;
}) {
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    maxCachedWorkflows: options.maxCachedWorkflows ?? DEFAULT_MAX_CACHED_WORKFLOWS,
    ...workflowSources,
    activities: createActivities({ db: options.db, notifications: options.notifications }),
  });
  return { worker, connection };
}
