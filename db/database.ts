import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

// DATE columns come back as 'YYYY-MM-DD' strings: a birth date has no time zone.
pg.types.setTypeParser(1082, (value: string) => value);
// COUNT(*) is bigint; a county's counts fit comfortably in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

export type DB = Kysely<Database>;

export function createDatabase(
  connectionString: string,
  options: { max?: number; onIdleError?: (error: Error) => void } = {},
): DB {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection dropped by the server (a restart, a failover) must not take the
  // process down; the pool replaces it on the next query.
  pool.on(
    'error',
    options.onIdleError ?? ((error) => console.warn(`database connection lost while idle: ${error.message}`)),
  );
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
