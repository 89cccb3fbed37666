// A PostgreSQL restart (stop -m immediate) ends every connection at once, including one a
// request holds between two queries; that must fail the request, never the whole process.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/support/database.js';
import { createDatabase } from './database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it('a connection lost while a request holds it fails that request, and the pool goes on', async () => {
  const lost: Error[] = [];
  const db = createDatabase(t.url, { max: 2, onIdleError: (error) => lost.push(error) });
  try {
    await db.connection().execute(async (held) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(held);
      // the server ends the held connection while no query runs on it (as a restart does)
      await sql`select pg_terminate_backend(${rows[0].pid})`.execute(db);
      await vi.waitFor(() => expect(lost.length).toBeGreaterThan(0), { timeout: 10_000 });
      await expect(sql`select 1`.execute(held)).rejects.toThrow();
    });
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(rows).toEqual([{ one: 1 }]);
  } finally {
    await db.destroy();
  }
});
