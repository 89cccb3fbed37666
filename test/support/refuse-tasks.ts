// A real failure for incident tests: a PostgreSQL trigger that refuses new task rows (of one
// process, or of all), as a broken constraint or a full disk would. Dropping it mends the cause.
import { sql } from 'kysely';
import type { DB } from '../../db/database.js';

export const REFUSAL = '待办表拒绝写入（测试）';

export async function refuseTasks(db: DB, processId?: string): Promise<() => Promise<void>> {
  await sql`create or replace function refuse_tasks() returns trigger language plpgsql as $$
            begin raise exception '待办表拒绝写入（测试）'; end $$`.execute(db);
  const when = processId ? sql`when (new.process_id = ${sql.lit(processId)})` : sql``;
  await sql`create trigger refuse_tasks before insert on tasks for each row ${when}
            execute function refuse_tasks()`.execute(db);
  return async () => {
    await sql`drop trigger refuse_tasks on tasks`.execute(db);
  };
}
