import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { classified } from './database-unavailable.js';
import type { Database } from './schema.js';

// DATE columns come back as 'YYYY-MM-DD' strings: a birth date has no time zone.
pg.types.setTypeParser(1082, (value: string) => value);
// COUNT(*) is bigint; a county's counts fit comfortably in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

export type DB = Kysely<Database>;

export function createDatabase(
  connectionString: string,
  options: { max?: number; /** a connection lost, idle or held */ onIdleError?: (error: Error) => void } = {},
): DB {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  const report = options.onIdleError ?? ((error: Error) => console.warn(`database connection lost: ${error.message}`));
  // A connection dropped by the server (a restart, a failover) must not take the process down,
  // whether it sat idle in the pool or was held by a request between two queries: the request's
  // next query fails and the pool replaces the connection. The pool re-emits only an idle
  // client's error, so every client gets its own listener, which reports both.
  pool.on('connect', (client) => client.on('error', report));
  pool.on('error', () => {}); // the same error, already reported by the client's listener
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: classifyingOutages(pool) }) });
}

/**
 * The pool as Kysely uses it, with every failure to reach the server thrown as a
 * DatabaseUnavailableError: an activity failing with it waits for the database instead of
 * becoming an incident (workflows/process/activity-incidents.ts).
 */
function classifyingOutages(pool: pg.Pool): PostgresPool {
  return {
    Client: (pool as unknown as Pick<PostgresPool, 'Client'>).Client, // for cancelling a query
    options: pool.options,
    end: () => pool.end(),
    async connect() {
      const client = (await pool.connect().catch((error: unknown) => {
        throw classified(error);
      })) as unknown as PostgresPoolClient;
      const query = ((text: unknown, parameters?: ReadonlyArray<unknown>) => {
        if (typeof text !== 'string') return client.query(text as never); // a cursor reports on its reads
        return client.query(text, parameters ?? []).catch((error: unknown) => {
          throw classified(error);
        });
      }) as PostgresPoolClient['query'];
      return { query, release: (destroy) => client.release(destroy), processID: client.processID };
    },
  };
}
