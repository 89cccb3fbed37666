// 考试成绩导入表: one row per candidate, named by ID number (names repeat across a county), with
// the written and interview scores. Read with the pairing import's checks on the file itself.
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import type { FieldError } from '../../errors/app-error.js';
import { fail, invalidField } from '../../errors/errors.js';
import { assertWorkbookFile, plain } from '../mentor-pairing/pairing-spreadsheet.js';

export const EXAM_COLUMNS = [
  { key: 'idNumber', header: '身份证号', en: 'ID number' },
  { key: 'name', header: '姓名', en: 'name' },
  { key: 'written', header: '笔试成绩', en: 'written score' },
  { key: 'interview', header: '面试成绩', en: 'interview score' },
] as const;

export interface ExamRow {
  row: number;
  idNumber: string;
  name: string;
  written: number;
  interview: number;
}

const headerText = (value: CellValue) => String(plain(value) ?? '').replace(/[\s*＊]/g, '');
const halfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** Every row below the header; a bad cell is reported as `第5行 笔试成绩`, and then nothing is imported. */
export async function parseExamSheet(bytes: Uint8Array): Promise<ExamRow[]> {
  assertWorkbookFile(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalidField('file', '无法读取该文件，请上传 Excel 工作簿（.xlsx）', 'not a readable .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidField('file', '工作簿中没有工作表', 'the workbook has no worksheet');
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const column = EXAM_COLUMNS.find((c) => c.header === headerText(cell.value));
    if (column && !columns.has(column.key)) columns.set(column.key, col);
  });
  const missing = EXAM_COLUMNS.filter((c) => !columns.has(c.key));
  if (missing.length)
    throw fail(
      'validation_failed',
      missing.map((c) => ({
        field: `第1行 ${c.header}`,
        message: `缺少“${c.header}”列`,
        messageEn: `the column “${c.header}” (${c.en}) is missing`,
      })),
    );
  const rows: ExamRow[] = [];
  const problems: FieldError[] = [];
  sheet.eachRow((sheetRow, row) => {
    if (row === 1) return;
    const cell = (key: string) => plain(sheetRow.getCell(columns.get(key)!).value);
    const idNumber = halfWidth(String(cell('idNumber') ?? ''))
      .replace(/\s+/g, '')
      .toUpperCase();
    const name = String(cell('name') ?? '').trim();
    if (!idNumber && !name && cell('written') == null && cell('interview') == null) return;
    const score = (key: 'written' | 'interview', header: string, en: string) => {
      const raw = cell(key);
      const value = typeof raw === 'number' ? raw : Number(String(raw ?? '').trim());
      if (raw == null || String(raw).trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
        problems.push({
          field: `第${row}行 ${header}`,
          message: '成绩应为 0–100 的数字',
          messageEn: `row ${row}, ${en}: must be a number from 0 to 100`,
        });
        return 0;
      }
      return value;
    };
    const written = score('written', '笔试成绩', 'written score');
    const interview = score('interview', '面试成绩', 'interview score');
    if (!/^\d{17}[\dX]$/.test(idNumber))
      problems.push({
        field: `第${row}行 身份证号`,
        message: '身份证号应为 18 位',
        messageEn: `row ${row}, ID number: must be 18 characters`,
      });
    rows.push({ row, idNumber, name, written, interview });
  });
  if (problems.length) throw fail('validation_failed', problems);
  if (rows.length === 0) throw invalidField('file', '表中没有成绩：请从第2行起填写', 'no data rows below the header');
  return rows;
}

/** A filled-in sheet for tests and the console's template: the candidates with empty scores. */
export async function examTemplate(candidates: { idNumber: string; name: string }[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '青蓝';
  const sheet = workbook.addWorksheet('考试成绩');
  sheet.columns = EXAM_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'idNumber' ? 24 : 14 }));
  sheet.getColumn('idNumber').numFmt = '@';
  for (const c of candidates) sheet.addRow({ idNumber: c.idNumber, name: c.name });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
