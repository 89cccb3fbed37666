// 资格条件 of a nominee, read from the records on the intake's date with the county's rules in
// force: the domain's pure function gives the reasons; this reads what it needs.
import type { DB } from '../../../db/database.js';
import { reserveEligibility, type EligibilityResult } from '../../../domain/reserve-eligibility.js';
import { currentReservePoolSettings } from '../../../domain/reserve-pool-settings-store.js';

export async function nomineeEligibility(
  db: DB,
  person: {
    id: number;
    birth_date: string;
    education: Parameters<typeof reserveEligibility>[0]['person']['education'];
    party_member: boolean;
    village_id: number;
  },
  asOf: string,
): Promise<EligibilityResult> {
  const [settings, discipline, village] = await Promise.all([
    currentReservePoolSettings(db),
    db
      .selectFrom('discipline_records')
      .select(['kind', 'starts_on', 'ends_on'])
      .where('person_id', '=', person.id)
      .execute(),
    db.selectFrom('villages').select('relaxed_age_limit').where('id', '=', person.village_id).executeTakeFirstOrThrow(),
  ]);
  return reserveEligibility({
    person: { birthDate: person.birth_date, education: person.education, partyMember: person.party_member },
    discipline: discipline.map((d) => ({ kind: d.kind, startsOn: d.starts_on, endsOn: d.ends_on })),
    relaxedAgeLimit: village.relaxed_age_limit,
    settings,
    asOf,
  });
}
