import { sql, type Kysely } from 'kysely';

// 我的待办 reads the open tasks a person may act on: theirs by user, or their role's within their
// township and village. Open tasks are a small share of all (1 in 50 in the benchmark's million
// rows), so the indexes hold open tasks alone: at a million rows each is about 0.2 MB instead of
// 7–8 MB for the two full indexes they replace, and the role index names the village as well, so
// a village secretary's inbox reads their village's rows, not the whole township's.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('tasks_open_by_user_idx')
    .on('tasks')
    .column('assignee_user_id')
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createIndex('tasks_open_by_role_idx')
    .on('tasks')
    .columns(['assignee_role', 'assignee_township_id', 'assignee_village_id'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema.dropIndex('tasks_open_user_idx').execute();
  await db.schema.dropIndex('tasks_open_role_idx').execute();
}
