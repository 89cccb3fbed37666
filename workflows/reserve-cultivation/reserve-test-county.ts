// A small township for the reserve workflows' tests: two villages, a village Party secretary
// for each, the township officer and Party secretary, people to nominate, and a mentor.
import { hash } from '@node-rs/argon2';
import type { DB } from '../../db/database.js';
import { validIdNumber } from '../../test/support/id-numbers.js';

export interface ReserveTestTownship {
  townshipId: number;
  villages: { id: number; secretary: string }[];
  /** Nominees: five in the first village, one in the second. */
  people: { id: number; name: string; villageId: number; username: string }[];
  mentor: { id: number; username: string };
}

/** `n` (1–9) keeps the ID numbers of two townships apart. */
export async function createReserveTestTownship(
  db: DB,
  code: string,
  tag: string,
  n: number,
): Promise<ReserveTestTownship> {
  const passwordHash = await hash('demo');
  const t = await db
    .insertInto('townships')
    .values({ code, name: `后备测试镇${tag}`, kind: 'township' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const villages: ReserveTestTownship['villages'] = [];
  for (const i of [1, 2]) {
    const v = await db
      .insertInto('villages')
      .values({ code: `${code}20${i}`, township_id: t.id, name: `后备${tag}村${i}`, kind: 'village', area: 'rural' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const secretary = `${tag}-village-${i}`;
    await db
      .insertInto('users')
      .values({
        username: secretary,
        password_hash: passwordHash,
        display_name: secretary,
        role: 'village_secretary',
        township_id: t.id,
        village_id: v.id,
        person_id: null,
      })
      .execute();
    villages.push({ id: v.id, secretary });
  }
  for (const role of ['township_officer', 'township_secretary'] as const)
    await db
      .insertInto('users')
      .values({
        username: `${tag}-${role}`,
        password_hash: passwordHash,
        display_name: role,
        role,
        township_id: t.id,
        village_id: null,
        person_id: null,
      })
      .execute();
  const people: ReserveTestTownship['people'] = [];
  const person = async (name: string, villageId: number, birth: string, seq: string, mentor = false) =>
    db
      .insertInto('people')
      .values({
        name,
        gender: 'male',
        birth_date: birth,
        id_number: validIdNumber(birth, seq),
        phone: '13900000000',
        education: 'college',
        party_member: true,
        township_id: t.id,
        village_id: villageId,
        is_mentor: mentor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  for (let i = 0; i < 6; i++) {
    const villageId = i < 5 ? villages[0].id : villages[1].id;
    const name = `后备${tag}${'甲乙丙丁戊己'[i]}`;
    const p = await person(name, villageId, `199${i}-0${i + 1}-10`, `${n}${i}1`);
    const username = `${tag}-cadre-${i}`;
    await db
      .insertInto('users')
      .values({
        username,
        password_hash: passwordHash,
        display_name: name,
        role: 'cadre',
        township_id: t.id,
        village_id: villageId,
        person_id: p.id,
      })
      .execute();
    people.push({ id: p.id, name, villageId, username });
  }
  const m = await person(`导师${tag}`, villages[0].id, '1975-05-05', `${n}91`, true);
  const mentorUser = `${tag}-mentor`;
  await db
    .insertInto('users')
    .values({
      username: mentorUser,
      password_hash: passwordHash,
      display_name: `导师${tag}`,
      role: 'mentor',
      township_id: t.id,
      village_id: villages[0].id,
      person_id: m.id,
    })
    .execute();
  return { townshipId: t.id, villages, people, mentor: { id: m.id, username: mentorUser } };
}
