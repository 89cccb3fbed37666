// Whether the demo work is still to do. The county's load writes "planned" in its own
// transaction; the start command writes "done" once every process stands where the plan puts
// it. Planned and not done means a first start that was cut short: the work resumes (each
// step checks what is already done). Kept in the audit log, where the county sees who did it.
import type { DB } from '../../db/database.js';

const PLANNED = 'demo.work_planned';
const DONE = 'demo.work_done';

type Writer = Pick<DB, 'insertInto'>;

async function mark(db: Writer, action: string, detail: Record<string, unknown>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: null,
      username: 'qinglan',
      action,
      resource: 'demo',
      detail: JSON.stringify(detail),
      record_id: null,
      ip: null,
      request_id: null,
    })
    .execute();
}

export const markDemoWorkPlanned = (db: Writer) => mark(db, PLANNED, {});
export const markDemoWorkDone = (db: Writer, detail: Record<string, unknown>) => mark(db, DONE, detail);

export async function demoWorkPending(db: DB): Promise<boolean> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .where('resource', '=', 'demo')
    .where('action', 'in', [PLANNED, DONE])
    .execute();
  return rows.some((r) => r.action === PLANNED) && !rows.some((r) => r.action === DONE);
}
