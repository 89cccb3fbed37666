// The calendar is the county's, the same for everyone: no scope narrows it.
import { sql } from 'kysely';
import type { DB } from '../../../db/database.js';
import { likePattern } from '../common.js';
import type { ListQuery } from '../list-query.js';
import type { CALENDAR_OVERRIDE_SORTS } from './calendar-override-schemas.js';

export interface CalendarOverrideFilterValues {
  year?: number;
  kind?: 'holiday' | 'workday';
  q?: string;
  id?: string | string[];
}

function withFilter(db: DB, filter: CalendarOverrideFilterValues) {
  let query = db.selectFrom('calendar_overrides as o');
  // A range on the key rather than extract(year …), so the primary key's index serves it.
  if (filter.year !== undefined) {
    query = query.where('o.day', '>=', `${filter.year}-01-01`).where('o.day', '<', `${filter.year + 1}-01-01`);
  }
  if (filter.kind) query = query.where('o.kind', '=', filter.kind);
  if (filter.q) query = query.where('o.name', 'ilike', likePattern(filter.q));
  if (filter.id !== undefined) query = query.where('o.day', 'in', ([] as string[]).concat(filter.id));
  return query;
}

function selectOverride(query: ReturnType<typeof withFilter>) {
  return query.select(['o.day as id', 'o.day', 'o.kind', 'o.name']);
}

export async function listCalendarOverrides(
  db: DB,
  list: ListQuery<CalendarOverrideFilterValues, (typeof CALENDAR_OVERRIDE_SORTS)[number]>,
) {
  const filtered = withFilter(db, list.filter);
  const [rows, total] = await Promise.all([
    selectOverride(filtered)
      .orderBy(sql.ref(list.sort.field), list.sort.order)
      .orderBy('o.day')
      .offset(list.offset)
      .limit(list.limit)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function getCalendarOverride(db: DB, day: string) {
  return selectOverride(withFilter(db, {}).where('o.day', '=', day)).executeTakeFirst();
}
