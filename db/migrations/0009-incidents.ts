import { sql, type Kysely } from 'kysely';

// 异常: an activity of a process that failed past its retry policy (or with an error that no
// retry can mend). The workflow waits on it; the county retries it or withdraws the process.
// One row per failure, kept after it is resolved, with who resolved it, when and how.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // `<run id>:<activity id>` of the recording activity: its own retries record it once
    .addColumn('incident_key', 'text', (c) => c.notNull().unique())
    // no foreign key: a process whose registration failed has an incident before its row
    .addColumn('process_id', 'text', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    // the process's current step when it failed; null between steps
    .addColumn('step', 'text')
    .addColumn('error_type', 'text', (c) => c.notNull())
    .addColumn('error_message', 'text', (c) => c.notNull())
    .addColumn('non_retryable', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('timed_out', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('attempts', 'integer')
    .addColumn('first_failed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'retried', 'cancelled', 'closed')`),
    )
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('incidents_process_idx').on('incidents').columns(['process_id', 'status']).execute();
  await db.schema.createIndex('incidents_open_idx').on('incidents').column('status').execute();
}
