// Sign-in accounts for the demo county, one per role and scope, named so that a visitor
// can guess them: officer-01 runs the first township, village-001 the first village.
import type { DemoPerson, DemoPosition, DemoTownship, DemoUser, DemoVillage } from './generate-county.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function generateUsers(
  townships: DemoTownship[],
  villages: DemoVillage[],
  people: DemoPerson[],
  positions: DemoPosition[],
): DemoUser[] {
  const users: DemoUser[] = [];
  const add = (user: Omit<DemoUser, 'id'>) => users.push({ id: users.length + 1, ...user });
  const none = { township_id: null, village_id: null, person_id: null };

  add({ username: 'admin', display_name: '县委组织部管理员', role: 'county_admin', ...none });
  add({ username: 'auditor', display_name: '县委组织部审计员', role: 'auditor', ...none });

  for (const township of townships) {
    const nn = pad(township.id, 2);
    // A subdistrict's Party body is a working committee (党工委), a township's a committee (党委).
    const committee = township.kind === 'subdistrict' ? '党工委' : '党委';
    const scope = { township_id: township.id, village_id: null, person_id: null };
    add({
      username: `officer-${nn}`,
      display_name: `${township.name}${committee}组织委员`,
      role: 'township_officer',
      ...scope,
    });
    add({
      username: `secretary-${nn}`,
      display_name: `${township.name}${committee}书记`,
      role: 'township_secretary',
      ...scope,
    });
  }

  const linked = new Set<number>();
  const personScope = (person: DemoPerson) => {
    linked.add(person.id);
    return {
      township_id: person.township_id,
      village_id: person.village_id,
      person_id: person.id,
      display_name: person.name,
    };
  };

  const byId = new Map(people.map((p) => [p.id, p]));
  const secretaryOf = new Map<number, DemoPerson>();
  for (const position of positions) {
    if (position.committee !== 'party_branch' || position.title !== 'secretary') continue;
    const person = byId.get(position.person_id)!;
    secretaryOf.set(person.village_id, person);
  }
  for (const village of villages) {
    const secretary = secretaryOf.get(village.id);
    if (!secretary) throw new Error(`${village.name} has no Party secretary`);
    add({ username: `village-${pad(village.id, 3)}`, role: 'village_secretary', ...personScope(secretary) });
  }

  // A serving secretary who also mentors has both accounts: one per hat.
  people
    .filter((p) => p.is_mentor)
    .forEach((mentor, index) =>
      add({ username: `mentor-${pad(index + 1, 3)}`, role: 'mentor', ...personScope(mentor) }),
    );

  people
    .filter((p) => !linked.has(p.id))
    .forEach((person, index) => add({ username: `cadre-${pad(index + 1, 4)}`, role: 'cadre', ...personScope(person) }));

  return users;
}
