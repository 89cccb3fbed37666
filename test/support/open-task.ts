import type { DB } from '../../db/database.js';

/** The open task of a process's step, if it has one now (the newest, for a step opened again). */
export function findOpenTask(db: DB, processId: string, stepKey: string) {
  return db
    .selectFrom('tasks')
    .select(['id', 'task_key', 'due_at'])
    .where('process_id', '=', processId)
    .where('step_key', '=', stepKey)
    .where('status', '=', 'open')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
