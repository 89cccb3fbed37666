// A worker on the time-skipping test server over a fresh clone of the demo database, with
// helpers to find a process's open tasks and act on them as a given user.
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities/index.js';
import { createDatabase, type DB } from '../../db/database.js';
import { actOnTaskUpdate } from '../../workflows/human-step/messages.js';
import type { Actor, TaskActionRequest } from '../../workflows/human-step/types.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { findOpenTask } from './open-task.js';
import { createTimeSkippingEnvironment } from './time-skipping.js';
import { workflowSources } from '../../worker/workflow-sources.js';

export interface ProcessHarness {
  env: TestWorkflowEnvironment;
  database: TestDatabase;
  db: DB;
  worker: Worker;
  taskQueue: string;
  actor(username: string): Promise<Actor>;
  openTask(processId: string, stepKey: string): Promise<{ id: number; task_key: string; due_at: Date }>;
  act(
    processId: string,
    stepKey: string,
    username: string,
    request: Omit<TaskActionRequest, 'taskKey' | 'actor'>,
  ): Promise<unknown>;
  /**
   * With QINGLAN_RECORD_HISTORIES=1, stores a finished run as a replay fixture named by its
   * workflow id: task keys embed that id, so the replay must run under the same one. A label
   * stores it as `<id>@<label>.json`, beside the fixture of an older shape instead of over it.
   */
  recordHistory(workflowId: string, label?: string): Promise<void>;
  close(): Promise<void>;
}

export async function createProcessHarness(
  options: {
    /** The URL the worker's activities reach the test database by (through a forwarder, say). */
    workerDatabaseUrl?: (url: string) => Promise<string>;
  } = {},
): Promise<ProcessHarness> {
  const [env, database] = await Promise.all([createTimeSkippingEnvironment(), createTestDatabase()]);
  const taskQueue = `processes-${Math.random().toString(36).slice(2)}`;
  const workerDb = options.workerDatabaseUrl
    ? createDatabase(await options.workerDatabaseUrl(database.url), { max: 5, onIdleError: () => {} })
    : database.db;
  // Email and webhooks stay off: these tests read the in-app notifications.
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...workflowSources,
    activities: createActivities({
      db: workerDb,
      notifications: { mailFrom: 'test@qinglan.local', publicUrl: 'http://localhost' },
    }),
  });
  const running = worker.run();
  const db = database.db;

  const harness: ProcessHarness = {
    env,
    database,
    db,
    worker,
    taskQueue,
    async actor(username) {
      const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
      return {
        userId: u.id,
        username: u.username,
        displayName: u.display_name,
        role: u.role,
        townshipId: u.township_id,
        villageId: u.village_id,
        personId: u.person_id,
      };
    },
    /** Waits (in real time: activities write the row) for the open task of a step. */
    async openTask(processId, stepKey) {
      for (let i = 0; i < 200; i++) {
        const row = await findOpenTask(db, processId, stepKey);
        if (row) return row;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no open task ${stepKey} in ${processId}`);
    },
    async act(processId, stepKey, username, request) {
      const task = await harness.openTask(processId, stepKey);
      const handle = env.client.workflow.getHandle(processId);
      return handle.executeUpdate(actOnTaskUpdate, {
        args: [{ ...request, taskKey: task.task_key, actor: await harness.actor(username) }],
      });
    },
    async recordHistory(workflowId, label) {
      if (process.env.QINGLAN_RECORD_HISTORIES !== '1') return;
      const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
      const dir = path.resolve('test/fixtures/histories');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${workflowId}${label ? `@${label}` : ''}.json`), historyToJSON(history));
    },
    async close() {
      worker.shutdown();
      await running;
      if (workerDb !== database.db) await workerDb.destroy();
      await env.teardown();
      await database.drop();
    },
  };
  return harness;
}
