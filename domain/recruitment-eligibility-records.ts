// Reads what recruitment eligibility needs from qinglan's records for one person: their seats,
// the final annual assessment result of each year (the latest version), their discipline
// records and their village's relaxed age mark. The API at application, the workflow's review
// activity and the tests read through here, so all compute eligibility from the same records.
import { sql } from 'kysely';
import type { DB } from '../db/database.js';
import type { Grade } from '../workflows/annual-assessment/rubric.js';
import { recruitmentEligibility, type RecruitmentEligibility } from './recruitment-eligibility.js';
import type { RecruitmentRules } from './recruitment-rules.js';

export async function recruitmentEligibilityOf(
  db: DB,
  personId: number,
  rules: RecruitmentRules,
  asOf: string,
): Promise<RecruitmentEligibility & { person: { id: number; name: string; townshipId: number; villageId: number } }> {
  const person = await db
    .selectFrom('people as p')
    .innerJoin('villages as v', 'v.id', 'p.village_id')
    .select(['p.id', 'p.name', 'p.birth_date', 'p.education', 'p.township_id', 'p.village_id', 'v.relaxed_age_limit'])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  const [seats, results, discipline] = await Promise.all([
    // with the start of each seat's successor in the village, if one is recorded: a cadre serves
    // until then (seat-tenure.ts). A successor's term starts after the seat's and reaches past
    // its end, so a by-election within the same term is not one.
    db
      .selectFrom('positions as s')
      .select(['s.committee', 's.title', 's.term_start', 's.term_end'])
      .select(
        sql<string | null>`(select min(n.term_start) from positions n
          join people np on np.id = n.person_id
          where np.village_id = ${person.village_id} and n.committee = s.committee and n.title = s.title
            and n.term_start > s.term_start and n.term_end > s.term_end)`.as('successor_starts_on'),
      )
      .where('s.person_id', '=', personId)
      .execute(),
    db
      .selectFrom('assessment_results')
      .select(['year', 'grade', 'version'])
      .where('person_id', '=', personId)
      .where('final', '=', true)
      .orderBy('year')
      .orderBy('version', 'desc')
      .execute(),
    db
      .selectFrom('discipline_records')
      .select(['kind', 'starts_on', 'ends_on'])
      .where('person_id', '=', personId)
      .execute(),
  ]);
  // the latest final version of each year: an upheld objection's correction counts
  const byYear = new Map<number, Grade | null>();
  for (const r of results) if (!byYear.has(r.year)) byYear.set(r.year, (r.grade as Grade | null) ?? null);
  const result = recruitmentEligibility({
    person: { birthDate: person.birth_date, education: person.education },
    seats: seats.map((s) => ({
      committee: s.committee,
      title: s.title,
      termStart: s.term_start,
      termEnd: s.term_end,
      successorStartsOn: s.successor_starts_on,
    })),
    assessments: [...byYear].map(([year, grade]) => ({ year, grade })),
    discipline: discipline.map((d) => ({
      kind: d.kind,
      startsOn: d.starts_on,
      endsOn: d.ends_on,
    })),
    relaxedAgeLimit: person.relaxed_age_limit,
    rules,
    asOf,
  });
  return {
    ...result,
    person: { id: person.id, name: person.name, townshipId: person.township_id, villageId: person.village_id },
  };
}
