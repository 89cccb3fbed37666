import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import type { Scope } from '../../scope/scope.js';
import { likePattern, orderBy } from '../common.js';
import type { ListQuery } from '../list-query.js';
import type { CADRE_SORTS } from './cadre-schemas.js';
import { isReserveOf } from '../reserves/is-reserve.js';

export interface CadreFilterValues {
  q?: string;
  townshipId?: number;
  villageId?: number;
  gender?: 'male' | 'female';
  education?: string;
  partyMember?: boolean;
  newlyElected?: boolean;
  isMentor?: boolean;
  isReserve?: boolean;
  id?: number | number[];
}

export function peopleInScope(db: DB, scope: Scope) {
  let query = db
    .selectFrom('people as p')
    .innerJoin('villages as v', 'v.id', 'p.village_id')
    .innerJoin('townships as t', 't.id', 'p.township_id');
  if (scope.level === 'township') query = query.where('p.township_id', '=', scope.townshipId);
  if (scope.level === 'village') query = query.where('p.village_id', '=', scope.villageId);
  if (scope.level === 'person') query = query.where('p.id', '=', scope.personId);
  return query;
}

type Base = ReturnType<typeof peopleInScope>;

function withFilter(query: Base, f: CadreFilterValues): Base {
  let q = query;
  if (f.q) q = q.where('p.name', 'like', likePattern(f.q));
  if (f.townshipId) q = q.where('p.township_id', '=', f.townshipId);
  if (f.villageId) q = q.where('p.village_id', '=', f.villageId);
  if (f.gender) q = q.where('p.gender', '=', f.gender);
  if (f.education) q = q.where('p.education', '=', f.education as never);
  if (f.partyMember !== undefined) q = q.where('p.party_member', '=', f.partyMember);
  if (f.newlyElected !== undefined) q = q.where('p.newly_elected', '=', f.newlyElected);
  if (f.isMentor !== undefined) q = q.where('p.is_mentor', '=', f.isMentor);
  // 后备: what the pool says (see reserves/is-reserve.ts), not a flag of its own
  if (f.isReserve !== undefined) q = q.where(f.isReserve ? isReserveOf() : sql<boolean>`not ${isReserveOf()}`);
  if (f.id !== undefined) q = q.where('p.id', 'in', ([] as number[]).concat(f.id));
  return q;
}

function selectPerson(query: Base) {
  return query.select([
    'p.id',
    'p.name',
    'p.gender',
    'p.birth_date as birthDate',
    sql<number>`date_part('year', age(p.birth_date))::int`.as('age'),
    'p.id_number as idNumber',
    'p.phone',
    'p.education',
    'p.party_member as partyMember',
    'p.township_id as townshipId',
    't.name as townshipName',
    'p.village_id as villageId',
    'v.name as villageName',
    'p.newly_elected as newlyElected',
    'p.is_mentor as isMentor',
    isReserveOf().as('isReserve'),
  ]);
}

export type PersonRow = Awaited<ReturnType<ReturnType<typeof selectPerson>['executeTakeFirstOrThrow']>>;

async function positionsOf(db: DB, personIds: number[]) {
  if (personIds.length === 0) return new Map<number, never[]>();
  const rows = await db
    .selectFrom('positions')
    .select(['person_id', 'committee', 'title', 'term_start as termStart', 'term_end as termEnd'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('id')
    .execute();
  const byPerson = new Map<
    number,
    {
      committee: (typeof rows)[number]['committee'];
      title: (typeof rows)[number]['title'];
      termStart: string;
      termEnd: string;
    }[]
  >();
  for (const { person_id, ...position } of rows) {
    const list = byPerson.get(person_id) ?? [];
    list.push(position);
    byPerson.set(person_id, list);
  }
  return byPerson;
}

const sortKey = (field: (typeof CADRE_SORTS)[number]) =>
  field === 'birthYear'
    ? sql`date_part('year', p.birth_date)`
    : field === 'isReserve'
      ? isReserveOf()
      : orderBy(field, { name: 'p.name' });

export async function listCadres(
  db: DB,
  scope: Scope,
  list: ListQuery<CadreFilterValues, (typeof CADRE_SORTS)[number]>,
) {
  const filtered = withFilter(peopleInScope(db, scope), list.filter);
  const [rows, total] = await Promise.all([
    selectPerson(filtered)
      .orderBy(sortKey(list.sort.field), list.sort.order)
      .orderBy('p.id')
      .offset(list.offset)
      .limit(list.limit)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const positions = await positionsOf(
    db,
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => ({ ...r, positions: positions.get(r.id) ?? [] })), total: total.n };
}

export async function getCadre(db: DB, scope: Scope, id: number) {
  const row = await selectPerson(peopleInScope(db, scope).where('p.id', '=', id)).executeTakeFirst();
  if (!row) return undefined;
  const positions = await positionsOf(db, [id]);
  return { ...row, positions: positions.get(id) ?? [] };
}
