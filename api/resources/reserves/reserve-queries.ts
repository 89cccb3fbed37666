// The reserve pool (后备干部人才库) read from its records: each entry with its person, village,
// mentor, and what is due (the next mentor and secretary talks, the day the person ages out),
// computed against the settings in force and the China day. Scoped in SQL as the cadres are.
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import type { ReserveStatus } from '../../../db/schema.js';
import type { ReservePoolSettings } from '../../../domain/reserve-pool-settings.js';
import type { Scope } from '../../scope/scope.js';
import { likePattern, orderBy } from '../common.js';
import type { ListQuery } from '../list-query.js';
import type { RESERVE_SORTS } from './reserve-schemas.js';

export interface ReserveFilterValues {
  q?: string;
  townshipId?: number;
  villageId?: number;
  status?: ReserveStatus | ReserveStatus[];
  mentorPersonId?: number;
  hasMentor?: boolean;
  talksOverdue?: boolean;
  ageingOut?: boolean;
  personId?: number;
  id?: number | number[];
}

/** What the computed columns are read against: the settings in force and the China day. */
export interface PoolClock {
  settings: ReservePoolSettings;
  today: string;
}

const lastRecord = (kind: 'mentor_talk' | 'secretary_talk') =>
  sql<string | null>`(select max(x.started_on) from reserve_records x where x.reserve_id = r.id and x.kind = ${kind})`;

/** Every entry in scope with its computed columns, as a subquery the filters and sorts read by name. */
function poolRows(db: DB, scope: Scope, clock: PoolClock) {
  const { settings, today } = clock;
  let inner = db
    .selectFrom('reserves as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('villages as v', 'v.id', 'r.village_id')
    .innerJoin('townships as t', 't.id', 'r.township_id')
    .leftJoin('people as m', 'm.id', 'r.mentor_person_id')
    .select([
      'r.id',
      'r.person_id as personId',
      'p.name',
      'p.gender',
      'p.birth_date as birthDate',
      sql<number>`date_part('year', age(${today}::date, p.birth_date))::int`.as('age'),
      'p.id_number as idNumber',
      'p.phone',
      'p.education',
      'p.party_member as partyMember',
      'r.township_id as townshipId',
      't.name as townshipName',
      'r.village_id as villageId',
      'v.name as villageName',
      'v.relaxed_age_limit as relaxedAgeLimit',
      'r.status',
      'r.source',
      'r.intake_year as intakeYear',
      'r.entered_on as enteredOn',
      'r.mentor_person_id as mentorPersonId',
      'm.name as mentorName',
      'r.used_post as usedPost',
      'r.ended_on as endedOn',
      'r.exit_reason as exitReason',
      'r.intake_workflow_id as intakeWorkflowId',
      'r.cultivation_workflow_id as cultivationWorkflowId',
      lastRecord('mentor_talk').as('lastMentorTalk'),
      lastRecord('secretary_talk').as('lastSecretaryTalk'),
      sql<
        string | null
      >`(select x.detail from reserve_records x where x.reserve_id = r.id and x.kind = 'review' order by x.started_on desc, x.id desc limit 1)`.as(
        'lastReview',
      ),
      // 41st birthday for "40 周岁以下" (see domain/reserve-eligibility.ts agesOutOn)
      sql<string>`(p.birth_date + make_interval(years => case when v.relaxed_age_limit then ${settings.relaxedAgeLimit}::int else ${settings.ageLimit}::int end + 1))::date`.as(
        'agesOutOn',
      ),
    ]);
  if (scope.level === 'township') inner = inner.where('r.township_id', '=', scope.townshipId);
  if (scope.level === 'village') inner = inner.where('r.village_id', '=', scope.villageId);
  if (scope.level === 'person') inner = inner.where('r.person_id', '=', scope.personId);

  // Talks fall due from the last one held, or from entry; only while the person is in the pool.
  const inPool = sql<boolean>`q."status" in ('trial', 'in_pool')`;
  const mentorDue = sql<string | null>`case when q."mentorPersonId" is not null and ${inPool}
    then (coalesce(q."lastMentorTalk", q."enteredOn") + make_interval(months => ${settings.mentorTalkMonths}::int))::date end`;
  const secretaryDue = sql<string | null>`case when ${inPool}
    then (coalesce(q."lastSecretaryTalk", q."enteredOn") + make_interval(months => ${settings.secretaryTalkMonths}::int))::date end`;
  return db
    .selectFrom(inner.as('q'))
    .selectAll('q')
    .select([
      mentorDue.as('mentorTalkDue'),
      secretaryDue.as('secretaryTalkDue'),
      sql<boolean>`coalesce(${mentorDue} < ${today}::date, false)`.as('mentorTalkOverdue'),
      sql<boolean>`coalesce(${secretaryDue} < ${today}::date, false)`.as('secretaryTalkOverdue'),
      sql<boolean>`${inPool} and q."agesOutOn" <= (${today}::date + interval '1 year')::date`.as('ageingOut'),
    ]);
}

/** The pool's rows with their computed columns as a table `pool`, so filters read them by name. */
export function poolInScope(db: DB, scope: Scope, clock: PoolClock) {
  return db.selectFrom(poolRows(db, scope, clock).as('pool'));
}

type Pool = ReturnType<typeof poolInScope>;

function withFilter(query: Pool, f: ReserveFilterValues): Pool {
  let q = query;
  if (f.q) q = q.where('pool.name', 'like', likePattern(f.q));
  if (f.townshipId) q = q.where('pool.townshipId', '=', f.townshipId);
  if (f.villageId) q = q.where('pool.villageId', '=', f.villageId);
  if (f.status !== undefined) q = q.where('pool.status', 'in', ([] as ReserveStatus[]).concat(f.status));
  if (f.mentorPersonId) q = q.where('pool.mentorPersonId', '=', f.mentorPersonId);
  if (f.hasMentor !== undefined)
    q = q.where('pool.mentorPersonId', f.hasMentor ? 'is not' : 'is', null).where('pool.status', 'in', IN_POOL);
  if (f.talksOverdue !== undefined) {
    const overdue = sql<boolean>`(pool."mentorTalkOverdue" or pool."secretaryTalkOverdue")`;
    q = q.where(f.talksOverdue ? overdue : sql<boolean>`not ${overdue}`);
  }
  if (f.ageingOut !== undefined) q = q.where('pool.ageingOut', '=', f.ageingOut);
  if (f.personId) q = q.where('pool.personId', '=', f.personId);
  if (f.id !== undefined) q = q.where('pool.id', 'in', ([] as number[]).concat(f.id));
  return q;
}

const IN_POOL = ['trial', 'in_pool'] as ReserveStatus[];

const sortKey = (field: (typeof RESERVE_SORTS)[number]) =>
  orderBy(`pool.${field}`, { name: 'pool.name', villageName: 'pool.villageName' });

export async function listReserves(
  db: DB,
  scope: Scope,
  clock: PoolClock,
  list: ListQuery<ReserveFilterValues, (typeof RESERVE_SORTS)[number]>,
) {
  const filtered = withFilter(poolInScope(db, scope, clock), list.filter);
  const [rows, total] = await Promise.all([
    filtered
      .selectAll('pool')
      .orderBy(sortKey(list.sort.field), (ob) => (list.sort.order === 'asc' ? ob.asc() : ob.desc()).nullsLast())
      .orderBy('pool.id')
      .offset(list.offset)
      .limit(list.limit)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** Every row the filter matches, for the spreadsheet: no paging. */
export function allReserves(db: DB, scope: Scope, clock: PoolClock, filter: ReserveFilterValues) {
  return withFilter(poolInScope(db, scope, clock), filter)
    .selectAll('pool')
    .orderBy('pool.townshipId')
    .orderBy('pool.villageId')
    .orderBy('pool.id')
    .execute();
}

export type ReserveRow = Awaited<ReturnType<typeof allReserves>>[number];

export function getReserve(db: DB, scope: Scope, clock: PoolClock, id: number) {
  return poolInScope(db, scope, clock).selectAll('pool').where('pool.id', '=', id).executeTakeFirst();
}

export function reserveHistory(db: DB, reserveId: number) {
  return db
    .selectFrom('reserve_status_changes as c')
    .leftJoin('users as u', 'u.id', 'c.actor_user_id')
    .select([
      'c.id',
      'c.from_status as fromStatus',
      'c.to_status as toStatus',
      'c.reason',
      'c.changed_on as changedOn',
      'u.display_name as actorName',
      'c.workflow_id as workflowId',
    ])
    .where('c.reserve_id', '=', reserveId)
    .orderBy('c.changed_on')
    .orderBy('c.id')
    .execute();
}

export function reserveRecords(db: DB, reserveId: number) {
  return db
    .selectFrom('reserve_records as x')
    .leftJoin('users as u', 'u.id', 'x.recorded_by')
    .select([
      'x.id',
      'x.kind',
      'x.detail',
      'x.started_on as startedOn',
      'x.ended_on as endedOn',
      'x.note',
      'u.display_name as recordedByName',
      'x.workflow_id as workflowId',
    ])
    .where('x.reserve_id', '=', reserveId)
    .orderBy('x.started_on')
    .orderBy('x.id')
    .execute();
}
