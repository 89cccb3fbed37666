import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createWorker } from '../../worker/create-worker.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { healthProbe } from './health-probe-workflow.js';

describe('health probe workflow', () => {
  let database: TestDatabase;
  let connection: Connection;
  beforeAll(async () => {
    database = await createTestDatabase();
    connection = await Connection.connect({ address: inject('temporalAddress') });
  });
  afterAll(async () => {
    await connection.close();
    await database.drop();
  });

  it('runs on a real worker against the dev server and reads the database through an activity', async () => {
    const taskQueue = `health-probe-${Date.now()}`;
    const { worker, connection: workerConnection } = await createWorker({
      db: database.db,
      address: inject('temporalAddress'),
      namespace: 'default',
      taskQueue,
    });
    const client = new Client({ connection });
    try {
      const result = await worker.runUntil(
        client.workflow.execute(healthProbe, { taskQueue, workflowId: `health-probe-${taskQueue}`, args: ['你好'] }),
      );
      expect(result.echo).toBe('你好');
      expect(Math.abs(Date.parse(result.databaseTime) - Date.now())).toBeLessThan(60_000);
      const history = await client.workflow.getHandle(`health-probe-${taskQueue}`).fetchHistory();
      const types = history.events!.map((e) => e.eventType);
      expect(types.length).toBeGreaterThan(5);
    } finally {
      await workerConnection.close();
    }
  });
});
