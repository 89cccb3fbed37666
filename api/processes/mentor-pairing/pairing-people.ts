// Who a pairing joins: the mentee (a cadre with an account) and the mentor (a person marked
// 导师 with a mentor account). Refusals name the field a clerk must fix.
import type { DB } from '../../../db/database.js';
import { conflictField, invalidField } from '../../errors/errors.js';
import type { PairingPerson } from '../../../workflows/mentor-pairing/mentor-pairing-definition.js';
import { MENTOR_PAIRING } from '../../../workflows/mentor-pairing/mentor-pairing-definition.js';

export interface Mentee extends PairingPerson {
  townshipId: number;
  villageId: number;
}

export async function findMentee(db: DB, personId: number, field = 'menteePersonId'): Promise<Mentee> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'name', 'township_id', 'village_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw invalidField(field, '所选干部不存在', 'no such person');
  const account = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('person_id', '=', personId)
    .where('active', '=', true)
    .orderBy((eb) => eb.case().when('role', '=', 'cadre').then(0).else(1).end())
    .executeTakeFirst();
  if (!account)
    throw invalidField(field, `${person.name} 没有登录账号，无法办理成长计划等环节`, 'the mentee has no user account');
  return {
    personId: person.id,
    userId: account.id,
    name: person.name,
    townshipId: person.township_id,
    villageId: person.village_id,
  };
}

export async function findMentor(db: DB, personId: number, field = 'mentorPersonId'): Promise<PairingPerson> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'name', 'is_mentor'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw invalidField(field, '所选导师不存在', 'no such person');
  if (!person.is_mentor) throw invalidField(field, `${person.name} 不在导师名单中`, 'the person is not a mentor');
  const account = await db
    .selectFrom('users')
    .select('id')
    .where('person_id', '=', personId)
    .where('role', '=', 'mentor')
    .where('active', '=', true)
    .executeTakeFirst();
  if (!account) throw invalidField(field, `${person.name} 没有导师账号`, 'the mentor has no mentor account');
  return { personId: person.id, userId: account.id, name: person.name };
}

/** One running pairing per mentee; the id counts their pairings so a later one gets a new id. */
export async function nextPairingId(
  db: DB,
  menteePersonId: number,
  field = 'menteePersonId',
  idPrefix = '',
): Promise<string> {
  const earlier = await db
    .selectFrom('processes')
    .select(['id', 'status'])
    .where('type', '=', MENTOR_PAIRING)
    .where('subject_person_id', '=', menteePersonId)
    .execute();
  if (earlier.some((p) => p.status === 'running'))
    throw conflictField(field, '该干部已有进行中的导师帮带', 'the cadre already has a running pairing');
  return `${idPrefix}${MENTOR_PAIRING}-${menteePersonId}-${earlier.length + 1}`;
}
