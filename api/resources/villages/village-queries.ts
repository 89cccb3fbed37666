import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import type { Scope } from '../../scope/scope.js';
import { likePattern, orderBy } from '../common.js';
import type { ListQuery } from '../list-query.js';
import type { VILLAGE_SORTS } from './village-schemas.js';

export interface VillageFilterValues {
  q?: string;
  townshipId?: number;
  kind?: 'village' | 'community';
  area?: 'rural' | 'urban';
  id?: number | number[];
}

export function villagesInScope(db: DB, scope: Scope) {
  let query = db.selectFrom('villages as v').innerJoin('townships as t', 't.id', 'v.township_id');
  if (scope.level === 'township') query = query.where('v.township_id', '=', scope.townshipId);
  if (scope.level === 'village' || scope.level === 'person') query = query.where('v.id', '=', scope.villageId);
  return query;
}

type Base = ReturnType<typeof villagesInScope>;

function withFilter(query: Base, filter: VillageFilterValues): Base {
  let q = query;
  if (filter.q)
    q = q.where((eb) =>
      eb.or([eb('v.name', 'ilike', likePattern(filter.q!)), eb('v.code', 'like', likePattern(filter.q!))]),
    );
  if (filter.townshipId) q = q.where('v.township_id', '=', filter.townshipId);
  if (filter.kind) q = q.where('v.kind', '=', filter.kind);
  if (filter.area) q = q.where('v.area', '=', filter.area);
  if (filter.id !== undefined) q = q.where('v.id', 'in', ([] as number[]).concat(filter.id));
  return q;
}

function selectVillage(query: Base) {
  return query.select([
    'v.id',
    'v.code',
    'v.name',
    'v.kind',
    'v.area',
    'v.township_id as townshipId',
    't.name as townshipName',
    'v.relaxed_age_limit as relaxedAgeLimit',
    sql<number>`(select count(*)::int from people p where p.village_id = v.id and exists (select 1 from positions s where s.person_id = p.id))`.as(
      'cadreCount',
    ),
  ]);
}

export async function listVillages(
  db: DB,
  scope: Scope,
  list: ListQuery<VillageFilterValues, (typeof VILLAGE_SORTS)[number]>,
) {
  const filtered = withFilter(villagesInScope(db, scope), list.filter);
  const [rows, total] = await Promise.all([
    selectVillage(filtered)
      .orderBy(orderBy(list.sort.field, { name: 'v.name' }), list.sort.order)
      .orderBy('v.id')
      .offset(list.offset)
      .limit(list.limit)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function getVillage(db: DB, scope: Scope, id: number) {
  return selectVillage(villagesInScope(db, scope).where('v.id', '=', id)).executeTakeFirst();
}
