// The input of a mentor pairing in 漳江镇 (township 1): its first mentor and first newly
// elected cadre, proposed by officer-01. Workflow tests start pairings from it directly.
import type { DB } from '../../db/database.js';
import type { MentorPairingInput } from '../../workflows/mentor-pairing/mentor-pairing-definition.js';

export async function pairingInput(db: DB, proposedBy: number) {
  const mentor = await db
    .selectFrom('users as u')
    .innerJoin('people as p', 'p.id', 'u.person_id')
    .select(['u.id as userId', 'u.username', 'p.id as personId', 'p.name'])
    .where('u.role', '=', 'mentor')
    .where('u.township_id', '=', 1)
    .orderBy('u.id')
    .executeTakeFirstOrThrow();
  const mentee = await db
    .selectFrom('users as u')
    .innerJoin('people as p', 'p.id', 'u.person_id')
    .select(['u.id as userId', 'u.username', 'p.id as personId', 'p.name', 'p.village_id'])
    .where('u.role', '=', 'cadre')
    .where('p.township_id', '=', 1)
    .where('p.newly_elected', '=', true)
    .orderBy('u.id')
    .executeTakeFirstOrThrow();
  const input: MentorPairingInput = {
    townshipId: 1,
    villageId: mentee.village_id,
    mentee: { personId: mentee.personId, userId: mentee.userId, name: mentee.name },
    mentor: { personId: mentor.personId, userId: mentor.userId, name: mentor.name },
    proposedBy,
    reason: '新任干部结对帮带',
  };
  return { input, menteeUser: mentee.username, mentorUser: mentor.username };
}
