// 流程 list filters: every one narrows the caller's own scope (processesInScope), so a filter can
// never show what the caller may not see; a value that cannot mean anything is a 400 naming it.
import { sql } from 'kysely';
import { z } from '@hono/zod-openapi';
import { PROCESS_STATUSES } from '../../db/schema.js';
import type { DB } from '../../db/database.js';
import { CHINA_ISO_OFFSET } from '../../domain/china-time.js';
import { PROCESS_TYPES } from '../../workflows/process-types.js';
import { stepsOf } from '../../workflows/human-step/step-catalogue.js';
import { toSessionUser } from '../auth/sessions.js';
import type { SessionUser } from '../context.js';
import { invalidField } from '../errors/errors.js';
import { likePattern } from '../resources/common.js';
import { searchFilter } from '../resources/list-query.js';
import { actionableBy, delegatorsOf } from '../tasks/task-queries.js';
import { calendarDate } from '../validation/calendar-date.js';
import { plainText } from '../validation/plain-text.js';
import type { ProcessQuery } from './process-queries.js';

const rowId = z.number().int().positive().max(2147483647);

export const ProcessFilter = z
  .object({
    q: searchFilter,
    type: z.enum(Object.keys(PROCESS_TYPES) as [string, ...string[]]).optional(),
    townshipId: rowId.optional(),
    villageId: rowId.optional(),
    status: z.enum(PROCESS_STATUSES).optional(),
    /** A step of the catalogue (`exchange`, `objection.answer`): processes with a task of it open. */
    currentStep: plainText().max(80).optional(),
    /** China-time days, both included. */
    startedFrom: calendarDate().optional(),
    startedTo: calendarDate().optional(),
    /** The user who started it. */
    startedBy: rowId.optional(),
    subjectPersonId: rowId.optional(),
    overdue: z.boolean().optional(),
    waitingOnMe: z.boolean().optional(),
    /** Processes with an open task this person may act on (theirs, their role's in their unit, a colleague's on leave). */
    waitingOnUserId: rowId.optional(),
    id: z.union([plainText().max(200), z.array(plainText().max(200)).max(500)]).optional(),
  })
  .strict();

export type ProcessFilterValue = z.infer<typeof ProcessFilter>;

/** The instant a China-time day starts: `2026-03-01` → 2026-02-28T16:00Z. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00${CHINA_ISO_OFFSET}`);
export const nextDayStart = (day: string) => new Date(dayStart(day).getTime() + 24 * 3600_000);

/** Occurrence keys of the steps called `key` (in `type`, or in any type): exact keys and prefixes. */
function stepMatchers(key: string, type: string | undefined) {
  const matches = Object.values(PROCESS_TYPES)
    .filter((p) => type === undefined || p.type === type)
    .flatMap((p) =>
      stepsOf(p.catalogue)
        .filter((s) => s.key === key)
        .map((s) => ({ type: p.type, step: s })),
    );
  if (matches.length === 0)
    throw invalidField('filter.currentStep', `没有“${key}”这个环节`, `no step "${key}" in the process catalogues`);
  return matches.map(({ type, step }) => ({
    type,
    key,
    prefix: step.kind === 'human' && step.occurrence ? step.occurrence : null,
  }));
}

export async function applyProcessFilter(
  db: DB,
  user: SessionUser,
  query: ProcessQuery,
  f: ProcessFilterValue,
): Promise<ProcessQuery> {
  let q = query;
  if (f.startedFrom && f.startedTo && f.startedFrom > f.startedTo)
    throw invalidField('filter.startedTo', '结束日期不能早于开始日期', 'startedTo is before startedFrom');
  if (f.q) q = q.where('p.title', 'like', likePattern(f.q));
  if (f.type) q = q.where('p.type', '=', f.type);
  if (f.townshipId) q = q.where('p.township_id', '=', f.townshipId);
  if (f.villageId) q = q.where('p.village_id', '=', f.villageId);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.startedBy) q = q.where('p.started_by', '=', f.startedBy);
  if (f.startedFrom) q = q.where('p.started_at', '>=', dayStart(f.startedFrom));
  if (f.startedTo) q = q.where('p.started_at', '<', nextDayStart(f.startedTo));
  if (f.subjectPersonId) q = q.where('p.subject_person_id', '=', f.subjectPersonId);
  if (f.id !== undefined) {
    // An empty list matches nothing (`in ()` is not SQL).
    const ids = ([] as string[]).concat(f.id);
    q = ids.length ? q.where('p.id', 'in', ids) : q.where(sql<boolean>`false`);
  }
  if (f.overdue !== undefined)
    q = q.where(
      sql<boolean>`exists (select 1 from tasks t where t.process_id = p.id and t.status = 'open' and t.due_at < now())`,
      '=',
      f.overdue,
    );
  if (f.currentStep) {
    const matchers = stepMatchers(f.currentStep, f.type);
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('tasks as t')
          .select('t.id')
          .whereRef('t.process_id', '=', 'p.id')
          .where('t.status', '=', 'open')
          .where((e) =>
            e.or(
              matchers.map((m) =>
                e.and([
                  e('t.process_type', '=', m.type),
                  m.prefix
                    ? e.or([e('t.step_key', '=', m.key), e('t.step_key', '~', `^${escapeRegex(m.prefix)}[0-9]+$`)])
                    : e('t.step_key', '=', m.key),
                ]),
              ),
            ),
          ),
      ),
    );
  }
  if (f.waitingOnMe) q = waitingOn(q, user, await delegatorsOf(db, user.id));
  if (f.waitingOnUserId) {
    const row = await db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'role', 'township_id', 'village_id', 'person_id'])
      .where('id', '=', f.waitingOnUserId)
      .executeTakeFirst();
    if (!row) throw invalidField('filter.waitingOnUserId', '没有这个用户', 'no such user');
    q = waitingOn(q, toSessionUser(row), await delegatorsOf(db, row.id));
  }
  return q;
}

function waitingOn(q: ProcessQuery, who: SessionUser, delegators: Awaited<ReturnType<typeof delegatorsOf>>) {
  return q.where((eb) =>
    eb.exists(
      eb
        .selectFrom('tasks as t')
        .select('t.id')
        .whereRef('t.process_id', '=', 'p.id')
        .where('t.status', '=', 'open')
        .where((e) => actionableBy(e as never, who, delegators)),
    ),
  );
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
