// Which real failures count as the database being away: a refused connection, a connection
// the server ends under a request; and which do not: an error in the statement itself.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/support/database.js';
import { databaseOutage } from '../test/support/database-outage.js';
import { createDatabase } from './database.js';
import { DATABASE_UNAVAILABLE, DatabaseUnavailableError, isDatabaseUnreachable } from './database-unavailable.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it('names its failure type as the engine reads it', () => {
  expect(new DatabaseUnavailableError(new Error('x')).constructor.name).toBe(DATABASE_UNAVAILABLE);
});

it('a refused connection and one cut under a request are outages; a bad statement is not', async () => {
  const outage = await databaseOutage(t.url);
  const lost: Error[] = [];
  const db = createDatabase(outage.url, { max: 2, onIdleError: (error) => lost.push(error) });
  try {
    await expect(sql`select 1`.execute(db)).resolves.toBeDefined();
    const statement = await sql`select no_such_column from tasks`.execute(db).catch((e: unknown) => e);
    expect(statement).not.toBeInstanceOf(DatabaseUnavailableError);
    expect(isDatabaseUnreachable(statement)).toBe(false);

    // cut while a request holds its connection: its next query fails as an outage
    await db.connection().execute(async (held) => {
      await sql`select 1`.execute(held);
      await outage.begin();
      const cut = await sql`select 1`.execute(held).catch((e: unknown) => e);
      expect(cut).toBeInstanceOf(DatabaseUnavailableError);
      expect((cut as Error).message).toMatch(/^数据库暂时无法连接：/);
    });
    const refused = await sql`select 1`.execute(db).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DatabaseUnavailableError);
    expect(((refused as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');

    // the server ends the connection itself (a restart): 57P01, then the pool replaces it
    await outage.end();
    lost.length = 0;
    await db.connection().execute(async (held) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(held);
      await sql`select pg_terminate_backend(${rows[0].pid})`.execute(t.db);
      await vi.waitFor(() => expect(lost.length).toBeGreaterThan(0), { timeout: 10_000 });
      expect(await sql`select 1`.execute(held).catch((e: unknown) => e)).toBeInstanceOf(DatabaseUnavailableError);
    });
    await expect(sql`select 1`.execute(db)).resolves.toBeDefined();
  } finally {
    await db.destroy();
    await outage.close();
  }
});
