// 后备干部人才库导出: the pool as the township's ledger (台账). Like the pairing export, no ID
// numbers or phones: names, places, status, mentor and what is due are what a ledger needs.
import ExcelJS from 'exceljs';
import type { ReserveStatus } from '../../../db/schema.js';
import { EDUCATION_NAMES_ZH } from '../../../domain/reserve-eligibility.js';
import { styleHeader } from '../../processes/mentor-pairing/pairing-export.js';
import type { ReserveRow } from './reserve-queries.js';

export const RESERVE_STATUS_NAMES: Record<ReserveStatus, string> = {
  nominated: '推荐中',
  under_review: '考察中',
  on_notice: '公示中',
  trial: '试用期',
  in_pool: '在库',
  used: '已使用',
  exited: '已退出',
};
const SOURCE_NAMES = { organisation: '组织推荐', mass: '群众推荐', self: '个人自荐', legacy: '启用前在库' } as const;
const yesNo = (value: boolean) => (value ? '是' : '');

export async function buildReserveExport(rows: ReserveRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '青蓝';
  const sheet = workbook.addWorksheet('后备干部');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '年龄', key: 'age', width: 6 },
    { header: '学历', key: 'education', width: 8 },
    { header: '党员', key: 'partyMember', width: 6 },
    { header: '乡镇', key: 'townshipName', width: 14 },
    { header: '村(社区)', key: 'villageName', width: 16 },
    { header: '状态', key: 'status', width: 8 },
    { header: '来源', key: 'source', width: 10 },
    { header: '入库日期', key: 'enteredOn', width: 12 },
    { header: '导师', key: 'mentorName', width: 10 },
    { header: '最近导师谈话', key: 'lastMentorTalk', width: 13 },
    { header: '最近书记谈话', key: 'lastSecretaryTalk', width: 13 },
    { header: '谈话逾期', key: 'overdue', width: 9 },
    { header: '最近年度考察', key: 'lastReview', width: 12 },
    { header: '超龄日期', key: 'agesOutOn', width: 12 },
    { header: '一年内超龄', key: 'ageingOut', width: 10 },
  ];
  for (const r of rows) {
    sheet.addRow({
      ...r,
      gender: r.gender === 'male' ? '男' : '女',
      education: EDUCATION_NAMES_ZH[r.education],
      partyMember: yesNo(r.partyMember),
      status: RESERVE_STATUS_NAMES[r.status],
      source: SOURCE_NAMES[r.source],
      mentorName: r.mentorName ?? '未配备',
      overdue: yesNo(r.mentorTalkOverdue || r.secretaryTalkOverdue),
      lastReview: r.lastReview === 'pass' ? '合格' : r.lastReview === 'fail' ? '不合格' : '',
      ageingOut: yesNo(r.ageingOut),
    });
  }
  styleHeader(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
