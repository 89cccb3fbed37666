// 定向考录成绩导入表: the province's sheet of one exam, one row per applicant named by ID number
// and name (both must match the application: names repeat across a county), with the score, or
// 缺考 / empty for an absent applicant. The file itself is checked as the reserve exam import
// checks it; every bad row is reported as `第5行 笔试成绩`, and then nothing is imported.
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import type { FieldError } from '../../errors/app-error.js';
import { fail, invalidField } from '../../errors/errors.js';
import { assertWorkbookFile, plain } from '../mentor-pairing/pairing-spreadsheet.js';

export type RecruitmentExam = 'written' | 'interview';
export const SCORE_HEADERS: Record<RecruitmentExam, { header: string; en: string }> = {
  written: { header: '笔试成绩', en: 'written score' },
  interview: { header: '面试成绩', en: 'interview score' },
};

export interface ScoreRow {
  row: number;
  idNumber: string;
  name: string;
  /** Null: absent (缺考). */
  score: number | null;
}

const headerText = (value: CellValue) => String(plain(value) ?? '').replace(/[\s*＊]/g, '');
const halfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
const ABSENT = new Set(['', '缺考', '缺席']);

/** Every row below the header, each checked on its own; a repeated ID number is refused. */
export async function parseScoreSheet(bytes: Uint8Array, exam: RecruitmentExam): Promise<ScoreRow[]> {
  assertWorkbookFile(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalidField('file', '无法读取该文件，请上传 Excel 工作簿（.xlsx）', 'not a readable .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidField('file', '工作簿中没有工作表', 'the workbook has no worksheet');
  const wanted = [
    { key: 'idNumber', header: '身份证号', en: 'ID number' },
    { key: 'name', header: '姓名', en: 'name' },
    { key: 'score', ...SCORE_HEADERS[exam] },
  ];
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const column = wanted.find((c) => c.header === headerText(cell.value));
    if (column && !columns.has(column.key)) columns.set(column.key, col);
  });
  const missing = wanted.filter((c) => !columns.has(c.key));
  if (missing.length)
    throw fail(
      'validation_failed',
      missing.map((c) => ({
        field: `第1行 ${c.header}`,
        message: `缺少“${c.header}”列`,
        messageEn: `the column “${c.header}” (${c.en}) is missing`,
      })),
    );
  const { header, en } = SCORE_HEADERS[exam];
  const rows: ScoreRow[] = [];
  const problems: FieldError[] = [];
  const seen = new Map<string, number>();
  sheet.eachRow((sheetRow, row) => {
    if (row === 1) return;
    const cell = (key: string) => plain(sheetRow.getCell(columns.get(key)!).value);
    const idNumber = halfWidth(String(cell('idNumber') ?? ''))
      .replace(/\s+/g, '')
      .toUpperCase();
    const name = String(cell('name') ?? '').trim();
    const raw = cell('score');
    const text = String(raw ?? '').trim();
    if (!idNumber && !name && text === '') return;
    let score: number | null = null;
    if (!ABSENT.has(text)) {
      const value = typeof raw === 'number' ? raw : Number(text);
      if (!Number.isFinite(value) || value < 0 || value > 100)
        problems.push({
          field: `第${row}行 ${header}`,
          message: '成绩应为 0–100 的数字，缺考填“缺考”',
          messageEn: `row ${row}, ${en}: must be a number from 0 to 100, or 缺考 when absent`,
        });
      else score = Math.round(value * 100) / 100;
    }
    if (!/^\d{17}[\dX]$/.test(idNumber))
      problems.push({
        field: `第${row}行 身份证号`,
        message: '身份证号应为 18 位',
        messageEn: `row ${row}, ID number: must be 18 characters`,
      });
    else if (seen.has(idNumber))
      problems.push({
        field: `第${row}行 身份证号`,
        message: `与第${seen.get(idNumber)}行重复`,
        messageEn: `row ${row}, ID number: repeats row ${seen.get(idNumber)}`,
      });
    else seen.set(idNumber, row);
    rows.push({ row, idNumber, name, score });
  });
  if (problems.length) throw fail('validation_failed', problems);
  if (rows.length === 0) throw invalidField('file', '表中没有成绩：请从第2行起填写', 'no data rows below the header');
  return rows;
}

export interface ScoreCandidate {
  applicationId: number;
  idNumber: string;
  name: string;
}

/** The rows matched to the exam's applicants: ID number and name must both match one of them. */
export function matchScoreRows(
  rows: readonly ScoreRow[],
  candidates: readonly ScoreCandidate[],
): { applicationId: number; score: number | null }[] {
  const byNumber = new Map(candidates.map((c) => [c.idNumber.toUpperCase(), c]));
  const squash = (s: string) => s.replace(/\s+/g, '');
  const problems: FieldError[] = [];
  const matched = rows.flatMap((r) => {
    const c = byNumber.get(r.idNumber);
    if (!c) {
      problems.push({
        field: `第${r.row}行 身份证号`,
        message: '不是本场考试的考生',
        messageEn: `row ${r.row}, ID number: not an applicant sitting this exam`,
      });
      return [];
    }
    if (squash(r.name) !== squash(c.name)) {
      problems.push({
        field: `第${r.row}行 姓名`,
        message: '姓名与身份证号不符',
        messageEn: `row ${r.row}, name: does not match the ID number`,
      });
      return [];
    }
    return [{ applicationId: c.applicationId, score: r.score }];
  });
  if (problems.length) throw fail('validation_failed', problems);
  return matched;
}

/** A sheet for tests and the console's template: the applicants with empty scores. */
export async function scoreTemplate(
  exam: RecruitmentExam,
  candidates: { idNumber: string; name: string; score?: unknown }[],
  headers: string[] = ['身份证号', '姓名', SCORE_HEADERS[exam].header],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '青蓝';
  const sheet = workbook.addWorksheet(SCORE_HEADERS[exam].header);
  sheet.addRow(headers);
  sheet.getColumn(1).numFmt = '@';
  for (const c of candidates) sheet.addRow([c.idNumber, c.name, c.score ?? null]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
