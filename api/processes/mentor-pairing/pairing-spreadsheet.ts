// 导师帮带导入表: the template a clerk fills in and the reader of what comes back. People are
// named by ID number (names repeat across a county); the name beside each is a check that
// the right number was typed.
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import type { DB } from '../../../db/database.js';
import type { SessionUser } from '../../context.js';
import type { FieldError } from '../../errors/app-error.js';
import { fail, invalidField } from '../../errors/errors.js';
import { maskIdNumber } from '../../pii/mask.js';
import { runningLoadByMentor, styleHeader } from './pairing-export.js';

/** 895 newly elected cadres in the county: one file for all of them, with room to spare. */
export const MAX_IMPORT_ROWS = 2000;
/** Unpacked size of all parts, counted while inflating; a full template of 2,000 rows is well under 2 MiB. */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

export const COLUMNS = [
  {
    key: 'menteeIdNumber',
    header: '被帮带干部身份证号',
    en: 'mentee ID number',
    width: 24,
    idNumber: true,
    help: '必填。18 位居民身份证号，末位可为 X；须是本辖区内有登录账号、且没有进行中帮带的干部。',
  },
  {
    key: 'menteeName',
    header: '被帮带干部姓名',
    en: 'mentee name',
    width: 16,
    idNumber: false,
    help: '必填。须与身份证号对应的姓名一致，用于核对身份证号是否填错。',
  },
  {
    key: 'mentorIdNumber',
    header: '导师身份证号',
    en: 'mentor ID number',
    width: 24,
    idNumber: true,
    help: '必填。须是导师名单中、有导师账号的人员；不能是被帮带干部本人。',
  },
  {
    key: 'mentorName',
    header: '导师姓名',
    en: 'mentor name',
    width: 16,
    idNumber: false,
    help: '必填。须与导师身份证号对应的姓名一致。',
  },
  { key: 'reason', header: '结对理由', en: 'reason', width: 40, idNumber: false, help: '选填，最多 500 字。' },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type PairingRow = { row: number } & Record<ColumnKey, string>;
/** One problem of one cell, by the row number Excel shows. */
export interface RowProblem {
  row: number;
  column: ColumnKey | 'header';
  message: string;
  messageEn: string;
}

const columnOf = (key: ColumnKey | 'header') => COLUMNS.find((c) => c.key === key) ?? { header: '表头', en: 'header' };

/**
 * A problem as the API reports it. `field` is `第5行 导师身份证号`: the row as Excel numbers
 * it, a space, the column as the template heads it (scripts: /^第(\d+)行 (.+)$/). `messageEn`
 * repeats both in English, so it reads on its own.
 */
export function toFieldError(p: RowProblem): FieldError {
  const column = columnOf(p.column);
  return {
    field: `第${p.row}行 ${column.header}`,
    message: p.message,
    messageEn: `row ${p.row}, ${column.en}: ${p.messageEn}`,
  };
}

const XLSX_HELP = '请上传 Excel 工作簿（.xlsx），建议使用下载的模板';
const notWorkbook = (zh = `无法读取该文件。${XLSX_HELP}`, en = 'not a readable .xlsx workbook') =>
  invalidField('file', zh, en);

/** An .xlsx is a zip: check the signature, and the sizes its directory declares, before unpacking. */
export function assertWorkbookFile(bytes: Uint8Array): void {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw notWorkbook(
      '这是旧版 .xls 文件或加密的工作簿。请在 Excel 中“另存为” .xlsx（不设密码）后上传',
      'an old .xls or an encrypted workbook; save it as an unencrypted .xlsx',
    );
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notWorkbook();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notWorkbook();
  // The sizes a zip declares can be anything (a crafted 93 KB file declared small and unpacked
  // to 80 MB): each part is inflated here, counting the bytes that really come out, and the
  // count stops at the limit. Only then does ExcelJS unpack the file.
  let offset = view.getUint32(end + 16, true);
  let unpacked = 0;
  const tooLarge = () =>
    notWorkbook('工作簿解压后过大，请只保留导入表中的数据后重新上传', 'the workbook unpacks too large');
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw notWorkbook();
    const method = view.getUint16(offset + 10, true);
    const compressed = view.getUint32(offset + 20, true);
    const local = view.getUint32(offset + 42, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw notWorkbook();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw notWorkbook();
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) unpacked += compressed;
    else if (method === 8) {
      try {
        unpacked += inflateRawSync(data, { maxOutputLength: MAX_UNPACKED_BYTES - unpacked + 1 }).length;
      } catch (e) {
        throw (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError
          ? tooLarge()
          : notWorkbook();
      }
    } else throw notWorkbook();
    if (unpacked > MAX_UNPACKED_BYTES) throw tooLarge();
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  if (unpacked > MAX_UNPACKED_BYTES)
    throw notWorkbook('工作簿解压后过大，请只保留导入表中的数据后重新上传', 'the workbook unpacks too large');
}

/** What a cell shows, whatever Excel stored: rich text, a formula's result, a hyperlink's text. */
export function plain(value: CellValue): string | number | boolean | Date | null | undefined {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plain(value.result as CellValue);
  if ('text' in value) return plain(value.text as CellValue);
  return null; // #N/A and other errors, or a formula never calculated
}

// Full-width digits and letters (a Chinese input method's ０-９, Ｘ) are the same characters to a clerk.
const halfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
const normalise = (s: string, idNumber: boolean) =>
  idNumber ? halfWidth(s).replace(/\s+/g, '').toUpperCase() : s.replace(/^\s+|\s+$/g, '');
const headerText = (value: CellValue) => String(plain(value) ?? '').replace(/[\s*＊]/g, '');

function findColumns(sheet: Worksheet): Map<ColumnKey, number> {
  const found = new Map<ColumnKey, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const column = COLUMNS.find((c) => c.header === headerText(cell.value));
    if (column && !found.has(column.key)) found.set(column.key, col);
  });
  return found;
}

/**
 * The first sheet that carries the template's headers in row 1 (else the first sheet, to say
 * which headers are missing); every non-blank row below it, with the number Excel shows.
 */
export async function parsePairingSheet(bytes: Uint8Array): Promise<{ rows: PairingRow[]; problems: RowProblem[] }> {
  assertWorkbookFile(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notWorkbook();
  }
  const sheets = workbook.worksheets.map((sheet) => ({ sheet, columns: findColumns(sheet) }));
  const chosen = sheets.find((s) => s.columns.size === COLUMNS.length) ?? sheets[0];
  if (!chosen) throw notWorkbook('工作簿中没有工作表', 'the workbook has no worksheet');
  const missing = COLUMNS.filter((c) => c.key !== 'reason' && !chosen.columns.has(c.key));
  if (missing.length > 0)
    throw fail(
      'validation_failed',
      missing.map((c) =>
        toFieldError({
          row: 1,
          column: 'header',
          message: `缺少“${c.header}”列。第1行应为表头，请使用下载的模板`,
          messageEn: `the column “${c.header}” (${c.en}) is missing`,
        }),
      ),
    );

  const rows: PairingRow[] = [];
  const problems: RowProblem[] = [];
  chosen.sheet.eachRow((sheetRow, row) => {
    if (row === 1) return;
    const values = {} as Record<ColumnKey, string>;
    for (const column of COLUMNS) {
      const index = chosen.columns.get(column.key);
      const value = index === undefined ? undefined : plain(sheetRow.getCell(index).value);
      if (typeof value === 'number' && column.idNumber && !Number.isSafeInteger(value)) {
        // An 18-digit number kept as a number has already lost its last digits in Excel.
        problems.push({
          row,
          column: column.key,
          message: '身份证号被存成了数字，Excel 只保留 15 位有效数字，末几位已丢失。请把该列设为“文本”格式后重新填写',
          messageEn:
            'stored as a number, so Excel kept only 15 significant digits; format the column as text and type it again',
        });
        values[column.key] = String(value);
        continue;
      }
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
      values[column.key] = normalise(text, column.idNumber);
    }
    if (COLUMNS.every((c) => values[c.key] === '')) return;
    rows.push({ row, ...values });
    if (rows.length > MAX_IMPORT_ROWS)
      throw invalidField(
        'file',
        `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分成几个文件`,
        `at most ${MAX_IMPORT_ROWS} rows per file`,
      );
  });
  if (rows.length === 0)
    throw invalidField('file', '表中没有要导入的数据：请从第2行起填写', 'no data rows below the header');
  return { rows, problems };
}

/** The template: the sheet to fill in, what each column means, and the mentors the caller may name. */
export async function buildTemplate(db: DB, user: SessionUser): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '青蓝';
  const input = workbook.addWorksheet('导入');
  input.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  // Typed as text, so Excel keeps all 18 digits of an ID number instead of 4.30725E+17.
  for (const column of COLUMNS) input.getColumn(column.key).numFmt = '@';
  COLUMNS.forEach((c, i) => {
    input.getRow(1).getCell(i + 1).note = c.help;
  });
  styleHeader(input);

  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '列', width: 22 },
    { header: '说明', width: 80 },
  ];
  for (const c of COLUMNS) help.addRow([c.header, c.help]);
  help.addRow([]);
  for (const line of [
    '第1行为表头，请勿修改；从第2行起每行填写一对结对关系，空行会被跳过。',
    `一个文件最多 ${MAX_IMPORT_ROWS} 行。身份证号请按文本填写（本模板已设为文本格式）。`,
    '导入时先逐行检查全部数据：只要有一行有误，整个文件都不导入，并列出每个有误的行号与原因；改正后重新上传即可。',
    '全部无误时，每行发起一个导师帮带流程，先交乡镇党委书记审批。',
    '“导师名单”工作表列出可选的导师，身份证号只显示末两位，完整号码请以干部档案为准。',
  ])
    help.addRow(['', line]);
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  styleHeader(help);

  const mentors = workbook.addWorksheet('导师名单');
  mentors.columns = [
    { header: '导师姓名', key: 'name', width: 14 },
    { header: '乡镇', key: 'township', width: 16 },
    { header: '村(社区)', key: 'village', width: 18 },
    { header: '身份证号(部分隐藏)', key: 'idNumber', width: 24 },
    { header: '在带人数', key: 'load', width: 10 },
  ];
  const [list, load] = await Promise.all([mentorsInScope(db, user), runningLoadByMentor(db)]);
  for (const m of list)
    mentors.addRow({
      name: m.name,
      township: m.township,
      village: m.village,
      idNumber: maskIdNumber(m.idNumber),
      load: load.get(m.id) ?? 0,
    });
  mentors.getColumn('idNumber').numFmt = '@';
  styleHeader(mentors);

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Mentors with a mentor account: the county's for the county, one township's for its officer. */
function mentorsInScope(db: DB, user: SessionUser) {
  let query = db
    .selectFrom('people as p')
    .innerJoin('users as u', (j) =>
      j.onRef('u.person_id', '=', 'p.id').on('u.role', '=', 'mentor').on('u.active', '=', true),
    )
    .innerJoin('villages as v', 'v.id', 'p.village_id')
    .innerJoin('townships as t', 't.id', 'p.township_id')
    .select(['p.id', 'p.name', 'p.id_number as idNumber', 'v.name as village', 't.name as township'])
    .where('p.is_mentor', '=', true);
  if (user.role !== 'county_admin') query = query.where('p.township_id', '=', user.townshipId ?? -1);
  return query.orderBy('p.township_id').orderBy('p.village_id').orderBy('p.id').execute();
}
