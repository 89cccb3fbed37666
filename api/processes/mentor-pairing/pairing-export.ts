// 导师帮带导出: the pairings in the caller's scope as a spreadsheet, for the township's own
// ledger (台账). ID numbers stay out of it: names, places and progress are what a ledger needs.
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import { chinaWallClock } from '../../../domain/china-time.js';
import type { ProcessStatus } from '../../../db/schema.js';
import type { SessionUser } from '../../context.js';
import { scopeOf } from '../../scope/scope.js';
import { PROCESS_TYPES, stepFamily } from '../../../workflows/process-types.js';
import { MENTOR_PAIRING } from '../../../workflows/mentor-pairing/mentor-pairing-definition.js';
import { processesInScope } from '../process-queries.js';

export const STATUS_NAMES: Record<ProcessStatus, string> = {
  running: '进行中',
  incident: '异常',
  completed: '已完成',
  rejected: '未获批准',
  ended_early: '提前结束',
  cancelled: '已撤销',
  terminated: '已强制终止',
  failed: '运行失败',
  timed_out: '已超时',
};

/**
 * The mentor now: a replacement (更换导师) is kept as a `mentor_reassigned` event on the
 * timeline, while `params.mentor` keeps the one the pairing started with.
 */
const currentMentor = (key: 'name' | 'personId') =>
  sql<string | null>`coalesce(
    (select e.detail->'to'->>${key} from task_events e where e.process_id = p.id and e.action = 'mentor_reassigned' order by e.at desc, e.id desc limit 1),
    p.params->'mentor'->>${key})`;

/** How many running pairings each mentor has now, county-wide (a mentor may guide across townships). */
export async function runningLoadByMentor(db: DB): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('processes as p')
    .select(currentMentor('personId').as('mentorId'))
    .where('p.type', '=', MENTOR_PAIRING)
    .where('p.status', '=', 'running')
    .execute();
  const load = new Map<number, number>();
  for (const { mentorId } of rows) if (mentorId) load.set(Number(mentorId), (load.get(Number(mentorId)) ?? 0) + 1);
  return load;
}

/** Bold, shaded, frozen header row: the same look for the template and the export. */
export function styleHeader(sheet: Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 22;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Excel dates have no zone: shift to Beijing time, which is what the county reads. */
const beijing = chinaWallClock;

const stepNames = new Map<string, string>(
  Object.values(PROCESS_TYPES[MENTOR_PAIRING].catalogue).map((s) => [s.key, s.name]),
);

export async function buildPairingExport(
  db: DB,
  user: SessionUser,
  status: ProcessStatus | 'all',
): Promise<Uint8Array> {
  let query = processesInScope(db, user, scopeOf(user))
    .leftJoin('villages as v', 'v.id', 'p.village_id')
    .select([
      'p.id',
      's.name as mentee',
      'v.name as village',
      'tw.name as township',
      currentMentor('name').as('mentor'),
      'p.status',
      'p.current_step as currentStep',
      'p.started_at as startedAt',
      sql<number>`(select count(*)::int from tasks t where t.process_id = p.id and t.status = 'open' and t.due_at < now())`.as(
        'overdue',
      ),
    ])
    .where('p.type', '=', MENTOR_PAIRING);
  if (status !== 'all') query = query.where('p.status', '=', status);
  const rows = await query
    .orderBy('p.township_id')
    .orderBy('p.village_id')
    .orderBy('p.started_at')
    .orderBy('p.id')
    .execute();

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '青蓝';
  const sheet = workbook.addWorksheet('导师帮带');
  sheet.columns = [
    { header: '被帮带干部', key: 'mentee', width: 14 },
    { header: '村(社区)', key: 'village', width: 18 },
    { header: '乡镇', key: 'township', width: 16 },
    { header: '导师', key: 'mentor', width: 14 },
    { header: '状态', key: 'status', width: 10 },
    { header: '当前环节', key: 'step', width: 22 },
    { header: '发起时间', key: 'startedAt', width: 18 },
    { header: '逾期待办', key: 'overdue', width: 10 },
    { header: '流程编号', key: 'id', width: 26 },
  ];
  for (const r of rows) {
    const step = r.currentStep ? (stepNames.get(stepFamily(MENTOR_PAIRING, r.currentStep)) ?? r.currentStep) : '';
    sheet.addRow({ ...r, status: STATUS_NAMES[r.status] ?? r.status, step, startedAt: beijing(r.startedAt) });
  }
  sheet.getColumn('startedAt').numFmt = 'yyyy-mm-dd hh:mm';
  styleHeader(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
