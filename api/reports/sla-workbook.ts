// 时效报表 as a spreadsheet: the very rows the page shows, with Chinese headers.
import ExcelJS from 'exceljs';
import { styleHeader } from '../processes/mentor-pairing/pairing-export.js';
import { PROCESS_TYPES } from '../../workflows/process-types.js';
import type { SlaQuery, SlaRow } from './sla-report.js';

/** Column headers, in order; the export test reads the figures back by them. */
export const SLA_COLUMNS: { header: string; key: keyof SlaRow; width: number }[] = [
  { header: '乡镇(街道)', key: 'townshipName', width: 16 },
  { header: '环节', key: 'stepName', width: 20 },
  { header: '在办', key: 'open', width: 8 },
  { header: '在办逾期', key: 'overdueOpen', width: 10 },
  { header: '已办结', key: 'decided', width: 9 },
  { header: '逾期办结', key: 'decidedLate', width: 10 },
  { header: '平均办理时长(小时)', key: 'avgHours', width: 18 },
  { header: 'P90办理时长(小时)', key: 'p90Hours', width: 18 },
];

export function slaFileName(q: SlaQuery): string {
  return `${PROCESS_TYPES[q.processType].name}时效报表_${q.from}至${q.to}.xlsx`;
}

export async function slaWorkbook(rows: SlaRow[], q: SlaQuery): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '青蓝';
  const sheet = workbook.addWorksheet('时效报表');
  sheet.columns = SLA_COLUMNS;
  for (const r of rows) sheet.addRow(r);
  styleHeader(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SLA_COLUMNS.length } };
  sheet.addRow([]);
  sheet.addRow([`${PROCESS_TYPES[q.processType].name}：${q.from} 至 ${q.to} 开启的待办；时长自待办开启至办结`]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
