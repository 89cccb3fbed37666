import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import type { Scope } from '../../scope/scope.js';
import { likePattern, orderBy } from '../common.js';
import type { ListQuery } from '../list-query.js';
import type { TOWNSHIP_SORTS } from './township-schemas.js';

export interface TownshipFilterValues {
  q?: string;
  kind?: 'township' | 'subdistrict';
  id?: number | number[];
}

function baseQuery(db: DB, scope: Scope) {
  let query = db.selectFrom('townships as t');
  if (scope.level !== 'county') query = query.where('t.id', '=', scope.townshipId);
  return query;
}

function withFilter<Q extends ReturnType<typeof baseQuery>>(query: Q, filter: TownshipFilterValues): Q {
  let q = query;
  if (filter.q)
    q = q.where((eb) =>
      eb.or([eb('t.name', 'ilike', likePattern(filter.q!)), eb('t.code', 'like', likePattern(filter.q!))]),
    ) as Q;
  if (filter.kind) q = q.where('t.kind', '=', filter.kind) as Q;
  if (filter.id !== undefined) q = q.where('t.id', 'in', ([] as number[]).concat(filter.id)) as Q;
  return q;
}

function selectTownship(query: ReturnType<typeof baseQuery>) {
  return query.select([
    't.id',
    't.code',
    't.name',
    't.kind',
    sql<number>`(select count(*)::int from villages v where v.township_id = t.id)`.as('villageCount'),
    sql<number>`(select count(*)::int from people p where p.township_id = t.id and exists (select 1 from positions s where s.person_id = p.id))`.as(
      'cadreCount',
    ),
  ]);
}

export async function listTownships(
  db: DB,
  scope: Scope,
  list: ListQuery<TownshipFilterValues, (typeof TOWNSHIP_SORTS)[number]>,
) {
  const filtered = withFilter(baseQuery(db, scope), list.filter);
  const [rows, total] = await Promise.all([
    selectTownship(filtered)
      .orderBy(orderBy(list.sort.field, { name: 't.name' }), list.sort.order)
      .orderBy('t.id')
      .offset(list.offset)
      .limit(list.limit)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function getTownship(db: DB, scope: Scope, id: number) {
  return selectTownship(baseQuery(db, scope).where('t.id', '=', id)).executeTakeFirst();
}
