// 定向考录成绩册: every application the caller may see, in rank order (unranked last, in order of
// application), with the written and interview scores, the bonus points, the total, the rank and
// the status. ID numbers are masked as in every list: the sheet travels further than the page.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import type { ApplicationStatus } from '../../../db/schema.js';
import { maskIdNumber } from '../../pii/mask.js';
import { styleHeader } from '../mentor-pairing/pairing-export.js';
import { APPLICATION_STATUS_NAMES_ZH } from './application-status-names.js';

export const RESULT_COLUMNS = [
  { header: '排名', key: 'rank', width: 8 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '身份证号(部分隐藏)', key: 'idNumber', width: 24 },
  { header: '乡镇', key: 'township', width: 14 },
  { header: '村(社区)', key: 'village', width: 16 },
  { header: '报考职位', key: 'position', width: 16 },
  { header: '笔试成绩', key: 'written', width: 10 },
  { header: '面试成绩', key: 'interview', width: 10 },
  { header: '加分', key: 'bonus', width: 8 },
  { header: '总成绩', key: 'total', width: 10 },
  { header: '状态', key: 'status', width: 18 },
] as const;

export interface ResultRow {
  applicationId: number;
  rank: number | null;
  name: string;
  idNumber: string;
  township: string;
  village: string;
  position: string;
  /** A number, 缺考 when absent, null when not sat. */
  written: number | '缺考' | null;
  interview: number | '缺考' | null;
  bonus: number;
  total: number | null;
  status: ApplicationStatus;
}

type Scope = null | { column: 'township_id' | 'village_id' | 'person_id'; value: number };

export async function campaignResults(db: DB, campaignId: number, scope: Scope): Promise<ResultRow[]> {
  const score = (exam: 'written' | 'interview') =>
    sql<string | null>`(select case when s.absent then '缺考' else s.score::text end
      from recruitment_scores s where s.application_id = a.id and s.exam = ${exam})`;
  let q = db
    .selectFrom('recruitment_applications as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .innerJoin('townships as t', 't.id', 'a.township_id')
    .innerJoin('villages as v', 'v.id', 'a.village_id')
    .innerJoin('recruitment_positions as rp', 'rp.id', 'a.position_id')
    .select([
      'a.id',
      'a.rank',
      'a.total',
      'a.status',
      'p.name',
      'p.id_number',
      't.name as township',
      'v.name as village',
      'rp.name as position',
      score('written').as('written'),
      score('interview').as('interview'),
      sql<string>`(select coalesce(sum(b.points), 0) from recruitment_bonus_points b where b.application_id = a.id)`.as(
        'bonus',
      ),
    ])
    .where('a.campaign_id', '=', campaignId)
    .orderBy(sql`a.rank asc nulls last`)
    .orderBy('a.id');
  if (scope) q = q.where(`a.${scope.column}`, '=', scope.value);
  const rows = await q.execute();
  const exam = (v: string | null) => (v === null ? null : v === '缺考' ? ('缺考' as const) : Number(v));
  return rows.map((r) => ({
    applicationId: r.id,
    rank: r.rank,
    name: r.name,
    idNumber: r.id_number,
    township: r.township,
    village: r.village,
    position: r.position,
    written: exam(r.written),
    interview: exam(r.interview),
    bonus: Number(r.bonus),
    total: r.total === null ? null : Number(r.total),
    status: r.status as ApplicationStatus,
  }));
}

export async function buildResultsSheet(title: string, rows: readonly ResultRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '青蓝';
  const sheet = workbook.addWorksheet('成绩册');
  sheet.columns = RESULT_COLUMNS.map((c) => ({ ...c }));
  for (const r of rows)
    sheet.addRow({
      ...r,
      idNumber: maskIdNumber(r.idNumber),
      bonus: r.bonus || null,
      status: APPLICATION_STATUS_NAMES_ZH[r.status] ?? r.status,
    });
  sheet.getColumn('idNumber').numFmt = '@';
  styleHeader(sheet);
  workbook.title = title;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
