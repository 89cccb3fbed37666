import type { Kysely } from 'kysely';

// 时效报表 reads the tasks of one process type opened in a period (a year, usually): without
// this index every report read the whole tasks table, a million rows in the benchmark's county.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tasks_type_opened_idx').on('tasks').columns(['process_type', 'created_at']).execute();
}
