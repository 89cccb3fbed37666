import { sql, type Kysely } from 'kysely';

// What a process that ended from outside (强制终止, an operator's CLI) must still tell another
// workflow (an applicant's end, its campaign). It is written in the same transaction as the
// process's end, so a telling that fails afterwards (Temporal unreachable for a moment) is not
// forgotten: the status reconciler tells it again until it is told.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('owed_tellings')
    .addColumn('process_id', 'text', (c) => c.primaryKey().references('processes.id').onDelete('cascade'))
    // the ProcessClosed the telling is about, and who ended the process when known
    .addColumn('closed', 'jsonb', (c) => c.notNull())
    .addColumn('actor', 'jsonb')
    .addColumn('owed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('told_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('owed_tellings_untold_idx')
    .on('owed_tellings')
    .column('owed_at')
    .where(sql.ref('told_at'), 'is', null)
    .execute();
}
