import type { DB } from '../../../db/database.js';
import type { SessionUser } from '../../context.js';
import { fail, invalidField } from '../../errors/errors.js';
import type { Role } from '../../../db/schema.js';
import { likePattern, orderBy } from '../common.js';
import type { ListQuery } from '../list-query.js';
import type { USER_SORTS } from './user-schemas.js';

export interface UserFilterValues {
  q?: string;
  role?: Role;
  townshipId?: number;
  active?: boolean;
  id?: number | number[];
}

/**
 * Accounts are managed by the county. Staff see the accounts of their own unit (to hand a task
 * over, add a signer, send a copy); a mentor or cadre sees only their own.
 */
function usersVisibleTo(db: DB, viewer: SessionUser) {
  const query = db.selectFrom('users as u');
  switch (viewer.role) {
    case 'county_admin':
    case 'auditor':
      return query;
    case 'township_officer':
    case 'township_secretary':
      return query.where('u.township_id', '=', viewer.townshipId ?? -1);
    case 'village_secretary':
      return query.where('u.village_id', '=', viewer.villageId ?? -1);
    default:
      return query.where('u.id', '=', viewer.id);
  }
}

function selectUser(query: ReturnType<typeof usersVisibleTo>) {
  return query.select([
    'u.id',
    'u.username',
    'u.display_name as displayName',
    'u.role',
    'u.township_id as townshipId',
    'u.village_id as villageId',
    'u.person_id as personId',
    'u.active',
  ]);
}

export async function listUsers(
  db: DB,
  viewer: SessionUser,
  list: ListQuery<UserFilterValues, (typeof USER_SORTS)[number]>,
) {
  let q = usersVisibleTo(db, viewer);
  const f = list.filter;
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('u.username', 'like', likePattern(f.q!)), eb('u.display_name', 'like', likePattern(f.q!))]),
    );
  if (f.role) q = q.where('u.role', '=', f.role);
  if (f.townshipId) q = q.where('u.township_id', '=', f.townshipId);
  if (f.active !== undefined) q = q.where('u.active', '=', f.active);
  if (f.id !== undefined) q = q.where('u.id', 'in', ([] as number[]).concat(f.id));
  const [rows, total] = await Promise.all([
    selectUser(q)
      .orderBy(orderBy(list.sort.field, { displayName: 'u.display_name' }), list.sort.order)
      .orderBy('u.id')
      .offset(list.offset)
      .limit(list.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export function getUser(db: DB, viewer: SessionUser, id: number) {
  return selectUser(usersVisibleTo(db, viewer).where('u.id', '=', id)).executeTakeFirst();
}

/**
 * An account's unit must fit its role: township roles name a township, a village secretary a
 * village, mentors and cadres a person. The lower units fill in the higher ones.
 */
export async function resolveUnits(
  db: DB,
  role: Role,
  units: { townshipId?: number | null; villageId?: number | null; personId?: number | null },
) {
  const none = { township_id: null, village_id: null, person_id: null };
  switch (role) {
    case 'county_admin':
    case 'auditor':
      return none;
    case 'township_officer':
    case 'township_secretary': {
      if (!units.townshipId)
        throw invalidField('townshipId', '乡镇角色须指定所属乡镇', 'a township role needs townshipId');
      const t = await db.selectFrom('townships').select('id').where('id', '=', units.townshipId).executeTakeFirst();
      if (!t) throw invalidField('townshipId', '所选乡镇不存在', 'no such township');
      return { ...none, township_id: t.id };
    }
    case 'village_secretary': {
      if (!units.villageId)
        throw invalidField('villageId', '村党组织书记须指定所属村(社区)', 'a village secretary needs villageId');
      const v = await db
        .selectFrom('villages')
        .select(['id', 'township_id'])
        .where('id', '=', units.villageId)
        .executeTakeFirst();
      if (!v) throw invalidField('villageId', '所选村(社区)不存在', 'no such village');
      return { township_id: v.township_id, village_id: v.id, person_id: units.personId ?? null };
    }
    case 'mentor':
    case 'cadre': {
      if (!units.personId)
        throw invalidField('personId', '导师和干部账号须关联人员档案', 'mentor and cadre accounts need personId');
      const p = await db
        .selectFrom('people')
        .select(['id', 'village_id', 'township_id'])
        .where('id', '=', units.personId)
        .executeTakeFirst();
      if (!p) throw invalidField('personId', '所选人员不存在', 'no such person');
      return { township_id: p.township_id, village_id: p.village_id, person_id: p.id };
    }
    default:
      throw fail('validation_failed');
  }
}
