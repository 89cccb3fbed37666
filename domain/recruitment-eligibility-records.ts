// Reads what recruitment eligibility needs from qinglan's records for one person: their seats,
// the final annual assessment result of each year (the latest version), their discipline
// records and their village's relaxed age mark. The API at application, the workflow's review
// activity and the tests read through here, so all compute eligibility from the same records.
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
    db
      .selectFrom('positions')
      .select(['committee', 'title', 'term_start', 'term_end'])
      .where('person_id', '=', personId)
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
