// 批量导入导师帮带: every row of the file is checked before anything starts, and every
// problem is reported by its row number; a file with a single bad row starts nothing.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isValidIdNumber } from '../../../domain/id-number.js';
import { MENTOR_PAIRING } from '../../../workflows/mentor-pairing/mentor-pairing-definition.js';
import type { DB } from '../../../db/database.js';
import { writeAudit } from '../../audit/audit.js';
import type { AppEnv, SessionUser } from '../../context.js';
import { AppError, type ErrorBody, type FieldError } from '../../errors/app-error.js';
import { fail } from '../../errors/errors.js';
import {
  COLUMNS,
  parsePairingSheet,
  toFieldError,
  type ColumnKey,
  type PairingRow,
  type RowProblem,
} from './pairing-spreadsheet.js';
import { startPairing } from './start-pairing.js';

export interface StartedRow {
  row: number;
  id: string;
  title: string;
}

interface CheckedRow {
  row: number;
  menteePersonId: number;
  mentorPersonId: number;
  reason?: string;
}

/** Whoever may propose pairings may import them: a township officer for their township, the county anywhere. */
export function assertMayImport(user: SessionUser): void {
  if (user.role !== 'county_admin' && !(user.role === 'township_officer' && user.townshipId != null))
    throw fail('forbidden');
}

interface KnownPerson {
  id: number;
  name: string;
  townshipId: number;
  isMentor: boolean;
  /** Roles of the person's active accounts. */
  roles: Set<string>;
  runningPairing: boolean;
}

/** Everyone the file names, in three queries however long the file is. */
async function lookUpPeople(db: DB, idNumbers: string[]): Promise<Map<string, KnownPerson>> {
  const found = new Map<string, KnownPerson>();
  if (idNumbers.length === 0) return found;
  const people = await db
    .selectFrom('people')
    .select(['id', 'name', 'id_number', 'township_id', 'is_mentor'])
    .where('id_number', 'in', [...new Set(idNumbers)])
    .execute();
  if (people.length === 0) return found;
  const ids = people.map((p) => p.id);
  const [accounts, running] = await Promise.all([
    db
      .selectFrom('users')
      .select(['person_id', 'role'])
      .where('person_id', 'in', ids)
      .where('active', '=', true)
      .execute(),
    db
      .selectFrom('processes')
      .select('subject_person_id')
      .where('type', '=', MENTOR_PAIRING)
      .where('status', '=', 'running')
      .where('subject_person_id', 'in', ids)
      .execute(),
  ]);
  const busy = new Set(running.map((r) => r.subject_person_id));
  const roles = new Map<number | null, Set<string>>();
  for (const a of accounts) roles.set(a.person_id, (roles.get(a.person_id) ?? new Set()).add(a.role));
  for (const p of people)
    found.set(p.id_number, {
      id: p.id,
      name: p.name,
      townshipId: p.township_id,
      isMentor: p.is_mentor,
      roles: roles.get(p.id) ?? new Set(),
      runningPairing: busy.has(p.id),
    });
  return found;
}

const sameName = (typed: string, stored: string) => typed.replace(/\s+/g, '') === stored.replace(/\s+/g, '');

/** Checks every row against the roster; returns the rows ready to start and every problem found. */
async function checkRows(c: Context<AppEnv>, rows: PairingRow[], problems: RowProblem[]): Promise<CheckedRow[]> {
  const user = c.var.user;
  const reported = new Set(problems.map((p) => `${p.row}:${p.column}`));
  const ids = rows.flatMap((r) => [r.menteeIdNumber, r.mentorIdNumber]).filter(isValidIdNumber);
  const known = await lookUpPeople(c.var.deps.db, ids);
  const firstRowOf = new Map<string, number>();
  const checked: CheckedRow[] = [];

  for (const r of rows) {
    const before = problems.length;
    const add = (column: ColumnKey, message: string, messageEn: string) =>
      problems.push({ row: r.row, column, message, messageEn });
    /** The person a row's ID number names, once its shape, existence and name are right. */
    const identify = (
      idKey: ColumnKey,
      nameKey: ColumnKey,
      visible: (p: KnownPerson) => boolean,
      missing: [string, string],
      nameMismatchIsMissing = false,
    ) => {
      const id = r[idKey];
      if (!r[nameKey]) add(nameKey, '必填', 'required');
      if (reported.has(`${r.row}:${idKey}`)) return undefined;
      if (!id) return void add(idKey, '必填', 'required');
      if (!/^\d{17}[\dX]$/.test(id))
        return void add(
          idKey,
          `身份证号应为 18 位，前 17 位为数字，末位为数字或 X（现为 ${id.length} 位）`,
          `must be 17 digits and a digit or X (has ${id.length} characters)`,
        );
      if (!isValidIdNumber(id))
        return void add(
          idKey,
          '身份证号有误：出生日期或末位校验码不符，请核对是否输错',
          'the birth date or the check character is wrong',
        );
      const person = known.get(id);
      if (!person || !visible(person)) return void add(idKey, ...missing);
      if (r[nameKey] && !sameName(r[nameKey], person.name)) {
        if (nameMismatchIsMissing) return void add(idKey, ...missing);
        return void add(nameKey, '姓名与身份证号不符，请核对', 'the name does not match the ID number');
      }
      return person;
    };

    // A township officer sees one township: a mentee elsewhere reads as unknown, as a 404 would.
    const inScope = (p: KnownPerson) => user.role === 'county_admin' || p.townshipId === user.townshipId;
    const mentee = identify('menteeIdNumber', 'menteeName', inScope, [
      '未找到该身份证号的干部，或不在您的管辖范围内',
      'no such person in your scope',
    ]);
    // A mentor may come from anywhere in the county, so the answer must not tell whether an ID
    // number belongs to someone, or to whom: unknown, another person's, not a mentor and no
    // mentor account all read the same.
    const NO_SUCH_MENTOR: [string, string] = [
      '未找到与该姓名和身份证号相符、且有导师账号的导师，请核对',
      'no mentor with an account matches this name and ID number',
    ];
    const mentorFound = identify('mentorIdNumber', 'mentorName', () => true, NO_SUCH_MENTOR, true);
    const mentor = mentorFound?.isMentor && mentorFound.roles.has('mentor') ? mentorFound : undefined;
    if (mentorFound && !mentor) add('mentorIdNumber', ...NO_SUCH_MENTOR);

    if (!reported.has(`${r.row}:menteeIdNumber`) && isValidIdNumber(r.menteeIdNumber)) {
      const first = firstRowOf.get(r.menteeIdNumber);
      if (first !== undefined)
        add('menteeIdNumber', `与第${first}行是同一名干部：每名干部只能导入一次`, `the same cadre as row ${first}`);
      else firstRowOf.set(r.menteeIdNumber, r.row);
    }
    if (mentee && !mentee.roles.size)
      add('menteeIdNumber', '该干部没有登录账号，无法办理成长计划等环节', 'the mentee has no user account');
    if (mentee?.runningPairing)
      add('menteeIdNumber', '该干部已有进行中的导师帮带', 'the cadre already has a running pairing');
    if (mentee && mentor && mentee.id === mentor.id)
      add('mentorIdNumber', '导师不能是被帮带干部本人', 'the mentee cannot mentor themselves');
    if (r.reason.length > 500)
      add('reason', `结对理由最多 500 字（现为 ${r.reason.length} 字）`, 'at most 500 characters');

    if (problems.length === before && mentee && mentor)
      checked.push({ row: r.row, menteePersonId: mentee.id, mentorPersonId: mentor.id, reason: r.reason || undefined });
  }
  return checked;
}

const columnOrder = (p: RowProblem) => COLUMNS.findIndex((c) => c.key === p.column);

/**
 * Answers when starting stopped part-way. The rows already started are real processes (the
 * approval is already in the township secretary's inbox) and are not undone; the body names
 * them in `started`, beside one `fields` entry per row not started.
 */
class ImportInterrupted extends AppError {
  constructor(
    status: ContentfulStatusCode,
    zh: string,
    en: string,
    fields: FieldError[],
    readonly started: StartedRow[],
  ) {
    super('import_incomplete', { status, zh, en }, fields);
  }

  override toBody(requestId?: string): ErrorBody & { started: StartedRow[] } {
    return { ...super.toBody(requestId), started: this.started };
  }
}

/** Four at a time: each start is a round trip to Temporal, and 895 in a row would keep a clerk waiting. */
const STARTS_AT_ONCE = 4;

async function startAll(c: Context<AppEnv>, rows: CheckedRow[]) {
  const started: StartedRow[] = [];
  const failures: { row: number; error: unknown }[] = [];
  let next = 0;
  const worker = async () => {
    // After the first failure no new row starts; those already under way finish either way.
    while (failures.length === 0 && next < rows.length) {
      const { row, reason, ...people } = rows[next++];
      try {
        started.push({ row, ...(await startPairing(c, { ...people, reason }, `第${row}行 `)) });
      } catch (error) {
        failures.push({ row, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(STARTS_AT_ONCE, rows.length) }, worker));
  return { started: started.sort((a, b) => a.row - b.row), failures };
}

export async function importPairings(
  c: Context<AppEnv>,
  bytes: Uint8Array,
): Promise<{ started: StartedRow[]; total: number }> {
  assertMayImport(c.var.user);
  const { rows, problems } = await parsePairingSheet(bytes);
  const checked = await checkRows(c, rows, problems);
  if (problems.length > 0) {
    problems.sort((a, b) => a.row - b.row || columnOrder(a) - columnOrder(b));
    throw fail('validation_failed', problems.map(toFieldError));
  }

  const { started, failures } = await startAll(c, checked);
  const detail = { type: MENTOR_PAIRING, rows: rows.length, started: started.length, complete: failures.length === 0 };
  if (failures.length === 0) {
    await writeAudit(c, { action: 'import.completed', resource: 'processes', detail });
    return { started, total: rows.length };
  }

  // A row refused now (someone started the same cadre since the check) is a conflict;
  // anything else (Temporal or the database away) means the service is unavailable.
  for (const f of failures)
    if (!(f.error instanceof AppError)) c.var.logger.error({ err: f.error, row: f.row }, 'pairing import stopped');
  await writeAudit(c, {
    action: 'import.completed',
    resource: 'processes',
    detail: { ...detail, failedRows: failures.map((f) => f.row) },
  }).catch(() => {});
  const startedRows = new Set(started.map((s) => s.row));
  const reasonOf = new Map(
    failures.map((f) => [
      f.row,
      f.error instanceof AppError ? (f.error.fields?.[0]?.message ?? f.error.messageZh) : '服务暂不可用',
    ]),
  );
  const fields = checked
    .filter((r) => !startedRows.has(r.row))
    .map((r) => {
      const reason = reasonOf.get(r.row);
      return {
        field: `第${r.row}行`,
        message: reason ? `未发起：${reason}` : '未发起：导入已中断',
        messageEn: reason ? `row ${r.row}: not started, it failed` : `row ${r.row}: not started, the import stopped`,
      };
    });
  const status = failures.every((f) => f.error instanceof AppError) ? 409 : 503;
  throw new ImportInterrupted(
    status,
    `导入未完成：已发起 ${started.length} 条（已生效，不会撤回），${fields.length} 行未发起。重新上传同一文件时，已发起的行会标为“已有进行中的导师帮带”，删去这些行即可`,
    `Import incomplete: ${started.length} pairings started and stay; ${fields.length} rows were not started. Re-uploading the same file marks the started rows as already running; remove them and upload again`,
    fields,
    started,
  );
}
