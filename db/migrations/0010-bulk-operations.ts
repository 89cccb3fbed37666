import { sql, type Kysely } from 'kysely';

// 批量操作: one action (撤销, 强制终止, 重试异常, 催办) over the processes a filter matched when it
// was submitted. The operation and one row per process are written before anything runs, so
// progress, each process's result and an interrupted run all live here (see bulk-runner.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bulk_operations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    // the client's key: the same submission twice is the same operation
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('cancel', 'terminate', 'retry', 'urge')`))
    .addColumn('filter', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('running')
        .check(sql`status in ('running', 'done')`),
    )
    .addColumn('total', 'integer', (c) => c.notNull())
    // the submitter's address, for the audit rows its actions write
    .addColumn('ip', 'text')
    // an API running it holds it until then; a lapsed lease lets another take it up again
    .addColumn('lease_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addUniqueConstraint('bulk_operations_request_uq', ['created_by', 'request_id'])
    .execute();
  await db.schema
    .createTable('bulk_operation_items')
    .addColumn('operation_id', 'integer', (c) => c.notNull().references('bulk_operations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('process_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'succeeded', 'skipped', 'failed')`),
    )
    // why skipped, or the error it failed with (Chinese)
    .addColumn('message', 'text')
    .addColumn('finished_at', 'timestamptz')
    .addPrimaryKeyConstraint('bulk_operation_items_pk', ['operation_id', 'position'])
    .execute();
  await db.schema
    .createIndex('bulk_operations_running_idx')
    .on('bulk_operations')
    .column('status')
    .where(sql.ref('status'), '=', 'running')
    .execute();
}
