import { sql, type Kysely } from 'kysely';

// What a notification owes beyond the bell: one row per email address and group robot. The
// bell's rows and these are written in one transaction; the sends happen after it commits, so
// a mail server or robot that is down never holds back the in-app notice, and a send that
// failed stays here, pending, for the worker to try again later (and for an admin to see).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('notification_key', 'text', (c) => c.notNull())
    // `email:<user id>` or `webhook:<webhook id>`: each is owed once per key
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'webhook')`))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'sent', 'refused', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addUniqueConstraint('notification_deliveries_key_target', ['notification_key', 'target'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due_idx')
    .on('notification_deliveries')
    .column('next_attempt_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();
}
