// Eligibility against the demo county's records, found by query rather than by id: a deputy
// by-elected two years before refused for the years, a cadre with a 基本称职 year refused for it,
// and a secretary who meets every rule accepted. Read on 1 March 2026, inside the 2021 term.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/support/database.js';
import { recruitmentEligibilityOf } from './recruitment-eligibility-records.js';
import { DEFAULT_RECRUITMENT_RULES as rules } from './recruitment-rules.js';

const AS_OF = '2026-03-01';
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
}, 60_000);
afterAll(() => test?.drop());

/** People who hold an eligible seat and would pass on age, education and discipline. */
const otherwiseFit = sql<boolean>`p.birth_date > '1985-03-01'
  and p.education in ('college', 'bachelor', 'master')
  and not exists (select 1 from discipline_records d where d.person_id = p.id)
  and not exists (select 1 from villages v where v.id = p.village_id and v.relaxed_age_limit)`;

describe('recruitment eligibility from the demo records', () => {
  it('refuses a deputy with two years in post, naming the years', async () => {
    const found = await test.db
      .selectFrom('positions as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .select('p.id')
      .where('s.title', '=', 'deputy_director')
      .where('s.term_start', '=', '2024-01-15')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const result = await recruitmentEligibilityOf(test.db, found.id, rules, AS_OF);
    expect(result.eligible).toBe(false);
    expect(result.post).toBe('deputy');
    expect(result.yearsInPost).toBe(2);
    expect(result.reasons.map((r) => r.rule)).toEqual(['years_in_post']);
    expect(result.reasons[0].message_zh).toBe(
      '连续任职年限不足：自 2024-01-15 起连续任职 2 年，副书记/副主任须满 3 年',
    );
  });

  it('refuses a secretary with a 基本称职 year, naming the year', async () => {
    const found = await test.db
      .selectFrom('people as p')
      .innerJoin('positions as s', 's.person_id', 'p.id')
      .innerJoin('assessment_results as a', 'a.person_id', 'p.id')
      .select(['p.id', 'a.year'])
      .where('s.title', '=', 'secretary')
      .where('a.grade', '=', 'basically_competent')
      .where(otherwiseFit)
      .where(
        sql<boolean>`(select count(*) from assessment_results x where x.person_id = p.id
                            and x.grade in ('excellent', 'competent')) = 2`,
      )
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const result = await recruitmentEligibilityOf(test.db, found.id, rules, AS_OF);
    expect(result.reasons).toEqual([
      {
        rule: 'assessment',
        year: found.year,
        message_zh: `${found.year} 年度考核为基本称职，须称职及以上`,
        message_en: `Assessed basically_competent in ${found.year}, competent or better is required`,
      },
    ]);
  });

  it('accepts a secretary who meets every rule', async () => {
    const found = await test.db
      .selectFrom('people as p')
      .innerJoin('positions as s', 's.person_id', 'p.id')
      .select('p.id')
      .where('s.title', '=', 'secretary')
      .where(otherwiseFit)
      .where(
        sql<boolean>`(select count(*) from assessment_results x where x.person_id = p.id
                            and x.year between 2023 and 2025 and x.grade in ('excellent', 'competent')) = 3`,
      )
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const result = await recruitmentEligibilityOf(test.db, found.id, rules, AS_OF);
    expect(result).toMatchObject({ eligible: true, reasons: [], post: 'secretary', yearsInPost: 4 });
  });

  it('says so when a year has no result', async () => {
    const found = await test.db
      .selectFrom('people as p')
      .innerJoin('positions as s', 's.person_id', 'p.id')
      .select('p.id')
      .where('s.title', 'in', ['secretary', 'deputy_secretary', 'director', 'deputy_director'])
      .where(sql<boolean>`(select count(*) from assessment_results x where x.person_id = p.id) = 2`)
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const result = await recruitmentEligibilityOf(test.db, found.id, rules, AS_OF);
    expect(result.reasons.map((r) => r.message_zh)).toContainEqual(expect.stringMatching(/^\d{4} 年无年度考核结果$/));
  });

  it('past the term_end, a secretary holds the post until a successor is seated in the village', async () => {
    const found = await test.db
      .selectFrom('people as p')
      .innerJoin('positions as s', 's.person_id', 'p.id')
      .select(['p.id', 'p.village_id', 's.term_end'])
      .where('s.title', '=', 'secretary')
      .where(otherwiseFit)
      .where(
        sql<boolean>`(select count(*) from assessment_results x where x.person_id = p.id
                            and x.year between 2023 and 2025 and x.grade in ('excellent', 'competent')) = 3`,
      )
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const today = '2026-12-01';
    expect(found.term_end < today).toBe(true);
    const serving = await recruitmentEligibilityOf(test.db, found.id, rules, today);
    expect(serving).toMatchObject({ eligible: true, post: 'secretary' });

    // the next election, on 1 November, seats another villager in each of the secretary's seats
    // (a secretary is often the director too, 一肩挑)
    const successor = await test.db
      .selectFrom('people')
      .select('id')
      .where('village_id', '=', found.village_id)
      .where('id', '!=', found.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const seats = await test.db
      .selectFrom('positions')
      .select(['committee', 'title'])
      .where('person_id', '=', found.id)
      .execute();
    await test.db
      .insertInto('positions')
      .values(seats.map((s) => ({ ...s, person_id: successor.id, term_start: '2026-11-01', term_end: '2031-10-31' })))
      .execute();
    const succeeded = await recruitmentEligibilityOf(test.db, found.id, rules, today);
    expect(succeeded.post).toBeNull();
    expect(succeeded.reasons.map((r) => r.rule)).toEqual(['post']);
    expect((await recruitmentEligibilityOf(test.db, found.id, rules, '2026-10-31')).eligible).toBe(true);
  });
});
