import { describe, expect, it } from 'vitest';
import {
  continuousSince,
  recruitmentEligibility,
  type RecruitmentEligibilityInput,
  type SeatRecord,
} from './recruitment-eligibility.js';
import { DEFAULT_RECRUITMENT_RULES, parseRecruitmentRules, recruitmentRulesSchema } from './recruitment-rules.js';

const seat = (title: SeatRecord['title'], termStart: string, termEnd: string): SeatRecord => ({
  committee: title === 'director' || title === 'deputy_director' ? 'villagers_committee' : 'party_branch',
  title,
  termStart,
  termEnd,
});
const base: RecruitmentEligibilityInput = {
  person: { birthDate: '1990-06-15', education: 'college' },
  seats: [seat('deputy_secretary', '2021-04-01', '2026-03-31')],
  assessments: [
    { year: 2023, grade: 'competent' },
    { year: 2024, grade: 'excellent' },
    { year: 2025, grade: 'competent' },
  ],
  discipline: [],
  relaxedAgeLimit: false,
  rules: DEFAULT_RECRUITMENT_RULES,
  asOf: '2026-03-01',
};
const rules = (input: Partial<RecruitmentEligibilityInput>) =>
  recruitmentEligibility({ ...base, ...input }).reasons.map((r) => r.rule);

describe('recruitment eligibility', () => {
  it('a deputy of four years, 35, 大专, competent three years running, may apply', () => {
    expect(recruitmentEligibility(base)).toEqual({ eligible: true, reasons: [], post: 'deputy', yearsInPost: 4 });
  });

  describe('post and years in it', () => {
    it('a member (委员) holds no post the campaign is open to', () => {
      const result = recruitmentEligibility({ ...base, seats: [seat('member', '2021-04-01', '2026-03-31')] });
      expect(result.reasons.map((r) => r.rule)).toEqual(['post']);
      expect(result.reasons[0].message_zh).toContain('未担任可报考职务');
    });
    it('a seat whose term has ended is not held once a successor has started', () => {
      const succeeded = base.seats.map((s) => ({ ...s, successorStartsOn: '2026-04-01' }));
      expect(rules({ asOf: '2026-04-01', seats: succeeded })).toContain('post');
    });
    it('a seat whose term has ended is still held while no successor is recorded (任期届满至新一届产生)', () => {
      const result = recruitmentEligibility({ ...base, asOf: '2026-12-01', seats: base.seats });
      expect(result.reasons.map((r) => r.rule)).not.toContain('post');
      expect(result).toMatchObject({ post: 'deputy', yearsInPost: 5 });
    });
    it('党建联络员 only when the campaign opens to them', () => {
      const seats: SeatRecord[] = [
        { committee: 'party_liaison', title: 'liaison_officer', termStart: '2021-01-01', termEnd: '2027-12-31' },
      ];
      expect(rules({ seats })).toEqual(['post']);
      const open = {
        ...DEFAULT_RECRUITMENT_RULES,
        eligiblePosts: [...DEFAULT_RECRUITMENT_RULES.eligiblePosts, 'liaison_officer' as const],
      };
      expect(recruitmentEligibility({ ...base, seats, rules: open })).toMatchObject({
        eligible: true,
        post: 'liaison_officer',
      });
    });
    it('a deputy needs three years in a row, a secretary or director two', () => {
      const deputy = [seat('deputy_director', '2024-01-15', '2026-03-31')];
      const result = recruitmentEligibility({ ...base, seats: deputy });
      expect(result.reasons.map((r) => r.rule)).toEqual(['years_in_post']);
      expect(result.reasons[0].message_zh).toContain('连续任职 2 年');
      expect(result.reasons[0].message_zh).toContain('须满 3 年');
      expect(rules({ seats: [seat('secretary', '2024-01-15', '2026-03-31')] })).toEqual([]);
      expect(rules({ seats: [seat('director', '2024-06-01', '2026-03-31')] })).toEqual(['years_in_post']);
    });
    it('a re-election or a move from deputy to secretary keeps the years unbroken; a gap breaks them', () => {
      const moved = [
        seat('deputy_secretary', '2019-01-01', '2024-12-31'),
        seat('secretary', '2025-01-01', '2030-12-31'),
      ];
      expect(continuousSince(moved, DEFAULT_RECRUITMENT_RULES.eligiblePosts, '2026-03-01')).toBe('2019-01-01');
      const gap = [
        seat('deputy_secretary', '2019-01-01', '2024-06-30'),
        seat('deputy_secretary', '2025-01-01', '2030-12-31'),
      ];
      expect(continuousSince(gap, DEFAULT_RECRUITMENT_RULES.eligiblePosts, '2026-03-01')).toBe('2025-01-01');
      expect(rules({ seats: gap })).toEqual(['years_in_post']);
      // a member's seat before does not count
      const fromMember = [
        seat('member', '2018-01-01', '2024-12-31'),
        seat('deputy_secretary', '2025-01-01', '2030-12-31'),
      ];
      expect(rules({ seats: fromMember })).toEqual(['years_in_post']);
    });
  });

  it('age: 40 周岁以下, 45 in a marked village', () => {
    const person = { ...base.person, birthDate: '1983-01-01' }; // 43
    expect(rules({ person })).toEqual(['age']);
    expect(rules({ person, relaxedAgeLimit: true })).toEqual([]);
  });

  it('education: 大专 by default, 中专 when the county relaxes it', () => {
    const person = { ...base.person, education: 'vocational' as const };
    const [reason] = recruitmentEligibility({ ...base, person }).reasons;
    expect(reason).toMatchObject({ rule: 'education', message_zh: '学历不足：中专，须大专及以上' });
    expect(rules({ person, rules: { ...DEFAULT_RECRUITMENT_RULES, minimumEducation: 'vocational' } })).toEqual([]);
  });

  describe('annual assessment in each of the last three years', () => {
    it('a 基本称职 year refuses, naming the year and the grade', () => {
      const assessments = [...base.assessments.slice(0, 2), { year: 2025, grade: 'basically_competent' as const }];
      const result = recruitmentEligibility({ ...base, assessments });
      expect(result.reasons).toEqual([
        {
          rule: 'assessment',
          year: 2025,
          message_zh: '2025 年度考核为基本称职，须称职及以上',
          message_en: 'Assessed basically_competent in 2025, competent or better is required',
        },
      ]);
    });
    it('a year without a result says so; an ungraded one too', () => {
      const result = recruitmentEligibility({
        ...base,
        assessments: [{ year: 2023, grade: null }, base.assessments[2]],
      });
      expect(result.reasons.map((r) => r.message_zh)).toEqual(['2023 年无年度考核结果', '2024 年无年度考核结果']);
    });
    it('the current year and older years do not count', () => {
      const assessments = [
        ...base.assessments,
        { year: 2022, grade: 'incompetent' as const },
        { year: 2026, grade: 'incompetent' as const },
      ];
      expect(rules({ assessments })).toEqual([]);
    });
  });

  it('a disciplinary period or an open investigation refuses', () => {
    expect(
      rules({ discipline: [{ kind: 'disciplinary_period', startsOn: '2025-01-01', endsOn: '2027-01-01' }] }),
    ).toEqual(['disciplinary_period']);
    expect(
      rules({ discipline: [{ kind: 'disciplinary_period', startsOn: '2023-01-01', endsOn: '2025-01-01' }] }),
    ).toEqual([]);
    expect(rules({ discipline: [{ kind: 'under_investigation', startsOn: '2026-01-01', endsOn: null }] })).toEqual([
      'under_investigation',
    ]);
  });

  it('names every failed rule, not only the first', () => {
    expect(
      rules({
        person: { birthDate: '1970-01-01', education: 'high_school' },
        seats: [seat('member', '2021-04-01', '2026-03-31')],
        assessments: [],
      }),
    ).toEqual(['post', 'age', 'education', 'assessment', 'assessment', 'assessment']);
  });
});

describe('recruitment rules', () => {
  it('defaults are valid and those of the notices', () => {
    expect(recruitmentRulesSchema.parse(DEFAULT_RECRUITMENT_RULES)).toEqual(DEFAULT_RECRUITMENT_RULES);
    expect(DEFAULT_RECRUITMENT_RULES).toMatchObject({
      ageLimit: 40,
      relaxedAgeLimit: 45,
      minimumEducation: 'college',
      applicationDays: 7,
      passMarks: { written: 60, interview: 60 },
      shortlistRatio: 3,
      writtenWeightPercent: 50,
      bonusPoints: { county: 2, prefecture: 5 },
    });
  });
  it('an older stored version reads with the defaults for what it lacks', () => {
    expect(parseRecruitmentRules({ ageLimit: 35, passMarks: { written: 65 } })).toEqual({
      ...DEFAULT_RECRUITMENT_RULES,
      ageLimit: 35,
      passMarks: { written: 65, interview: 60 },
    });
  });
  it('refuses a relaxed age limit below the general one and 事业编制 probation over 6 months', () => {
    const bad = {
      ...DEFAULT_RECRUITMENT_RULES,
      relaxedAgeLimit: 35,
      probationMonths: { civilService: 12, publicInstitution: 7 },
    };
    const paths = recruitmentRulesSchema.safeParse(bad).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['probationMonths.publicInstitution', 'relaxedAgeLimit']);
  });
});
