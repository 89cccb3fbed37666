// 考核结果: the latest ranking of a year, narrowed to the caller's scope (a cadre sees only their
// own result), and the same as a spreadsheet for a township or the county. A ranking the township
// has not yet published (公示) is its own draft: villages and cadres see it once it is published.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import type { SessionUser } from '../../context.js';
import { scopeOf } from '../../scope/scope.js';

export const GRADE_NAMES: Record<string, string> = {
  excellent: '优秀',
  competent: '称职',
  basically_competent: '基本称职',
  incompetent: '不称职',
};

export type ResultStage = 'draft' | 'notice' | 'answering' | 'final';
const STAGE_NAMES: Record<ResultStage, string> = {
  draft: '待公示',
  notice: '公示中',
  answering: '公示期满，异议处理中',
  final: '已确定',
};

export function latestResults(db: DB, user: SessionUser, year: number, townshipId?: number) {
  const scope = scopeOf(user);
  let q = db
    .selectFrom('assessment_results as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('villages as v', 'v.id', 'p.village_id')
    .innerJoin('townships as t', 't.id', 'r.township_id')
    .leftJoin('assessment_notices as n', (j) =>
      j.onRef('n.year', '=', 'r.year').onRef('n.township_id', '=', 'r.township_id'),
    )
    .select([
      'r.person_id as personId',
      'p.name',
      'v.name as villageName',
      'r.township_id as townshipId',
      't.name as townshipName',
      sql<number | null>`r.total::float8`.as('total'),
      'r.grade',
      'r.rank',
      'r.top',
      'r.bottom',
      'r.missing_step as missingStep',
      'r.version',
      'r.final',
      'n.opened_at as noticeOpenedAt',
      'n.ends_at as noticeEndsAt',
      // 待公示 (draft) / 公示中 (on notice: objections are taken) / 已确定 (final)
      sql<ResultStage>`case when r.final then 'final' when n.opened_at is null then 'draft' when now() < n.ends_at then 'notice' else 'answering' end`.as(
        'stage',
      ),
    ])
    .where('r.year', '=', year)
    // The newest version of each township's ranking.
    .where((eb) =>
      eb(
        'r.version',
        '=',
        eb
          .selectFrom('assessment_results as x')
          .select((e) => e.fn.max('x.version').as('v'))
          .whereRef('x.year', '=', 'r.year')
          .whereRef('x.township_id', '=', 'r.township_id'),
      ),
    );
  if (townshipId) q = q.where('r.township_id', '=', townshipId);
  if (scope.level === 'township') q = q.where('r.township_id', '=', scope.townshipId);
  if (scope.level === 'village') q = q.where('p.village_id', '=', scope.villageId);
  if (scope.level === 'person') q = q.where('r.person_id', '=', scope.personId);
  if (scope.level === 'village' || scope.level === 'person')
    q = q.where((eb) => eb.or([eb('r.final', '=', true), eb('n.opened_at', 'is not', null)]));
  return q
    .orderBy('t.code')
    .orderBy(sql`r.rank nulls last`)
    .orderBy('r.person_id');
}

export async function resultsWorkbook(
  rows: Awaited<ReturnType<ReturnType<typeof latestResults>['execute']>>,
  year: number,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${year}年度考核结果`);
  sheet.columns = [
    { header: '乡镇(街道)', key: 'township', width: 14 },
    { header: '村(社区)', key: 'village', width: 14 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '综合得分', key: 'total', width: 10 },
    { header: '等次', key: 'grade', width: 10 },
    { header: '乡镇排名', key: 'rank', width: 10 },
    { header: '评先评优优先推荐', key: 'top', width: 16 },
    { header: '提醒谈话', key: 'bottom', width: 10 },
    { header: '未完成环节', key: 'missing', width: 14 },
    { header: '状态', key: 'state', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    sheet.addRow({
      township: r.townshipName,
      village: r.villageName,
      name: r.name,
      total: r.total,
      grade: r.grade ? (GRADE_NAMES[r.grade] ?? r.grade) : '',
      rank: r.rank,
      top: r.top ? '是' : '',
      bottom: r.bottom ? '是' : '',
      missing: r.missingStep ?? '',
      state: STAGE_NAMES[r.stage],
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
