import { describe, expect, it } from 'vitest';
import {
  ageOn,
  agesOutOn,
  reserveEligibility,
  type EligibilityDisciplineRecord,
  type EligibilityInput,
} from './reserve-eligibility.js';
import {
  DEFAULT_RESERVE_POOL_SETTINGS,
  parseReservePoolSettings,
  reservePoolSettingsSchema,
} from './reserve-pool-settings.js';

const base: EligibilityInput = {
  person: { birthDate: '1995-06-15', education: 'high_school', partyMember: true },
  discipline: [],
  relaxedAgeLimit: false,
  settings: DEFAULT_RESERVE_POOL_SETTINGS,
  asOf: '2026-03-01',
};
const rules = (input: Partial<EligibilityInput>) =>
  reserveEligibility({ ...base, ...input }).reasons.map((r) => r.rule);
const record = (kind: EligibilityDisciplineRecord['kind'], startsOn: string, endsOn: string | null = null) => ({
  kind,
  startsOn,
  endsOn,
});

describe('reserve eligibility', () => {
  it('a 30-year-old with high school and a clean record is eligible', () => {
    expect(reserveEligibility(base)).toEqual({ eligible: true, reasons: [] });
  });

  describe('age on the intake date', () => {
    it('40 周岁以下 admits a person of 40 until the day before their 41st birthday', () => {
      const person = { ...base.person, birthDate: '1985-03-02' };
      expect(rules({ person, asOf: '2026-03-01' })).toEqual([]);
      expect(rules({ person, asOf: '2026-03-02' })).toEqual(['age']);
    });
    it('a marked village allows 45', () => {
      const person = { ...base.person, birthDate: '1982-01-01' }; // 44 on the intake date
      expect(rules({ person })).toEqual(['age']);
      expect(rules({ person, relaxedAgeLimit: true })).toEqual([]);
    });
    it('the reason names the age, the day and the limit in both languages', () => {
      const person = { ...base.person, birthDate: '1980-01-01' };
      const [reason] = reserveEligibility({ ...base, person }).reasons;
      expect(reason.message_zh).toContain('46 周岁');
      expect(reason.message_zh).toContain('上限 40');
      expect(reason.message_en).toContain('46 on 2026-03-01');
    });
    it('ageOn counts full years; agesOutOn is the birthday after the limit', () => {
      expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
      expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
      expect(agesOutOn('1990-05-10', 40)).toBe('2031-05-10');
      expect(agesOutOn('1984-02-29', 40)).toBe('2025-03-01');
    });
  });

  describe('education', () => {
    it('初中 fails, 高中 and 中专 pass alike, higher levels pass', () => {
      for (const [education, ok] of [
        ['junior_high', false],
        ['high_school', true],
        ['vocational', true],
        ['college', true],
        ['master', true],
      ] as const) {
        expect(rules({ person: { ...base.person, education } }), education).toEqual(ok ? [] : ['education']);
      }
    });
    it('follows the minimum in the settings', () => {
      const settings = { ...DEFAULT_RESERVE_POOL_SETTINGS, minimumEducation: 'college' as const };
      expect(rules({ settings, person: { ...base.person, education: 'vocational' } })).toEqual(['education']);
    });
  });

  describe('disqualifications', () => {
    it('不合格党员 within 5 years disqualifies, six years ago does not', () => {
      expect(rules({ discipline: [record('unqualified_member', '2021-12-31')] })).toEqual(['unqualified_member']);
      expect(rules({ discipline: [record('unqualified_member', '2020-12-31')] })).toEqual([]);
    });
    it('an open investigation disqualifies, a closed one does not', () => {
      expect(rules({ discipline: [record('under_investigation', '2026-01-10')] })).toEqual(['under_investigation']);
      expect(rules({ discipline: [record('under_investigation', '2025-01-10', '2025-06-30')] })).toEqual([]);
    });
    it('inside a disciplinary period disqualifies up to and including its last day', () => {
      expect(rules({ discipline: [record('disciplinary_period', '2025-06-01', '2026-03-01')] })).toEqual([
        'disciplinary_period',
      ]);
      expect(rules({ discipline: [record('disciplinary_period', '2025-03-01', '2026-02-28')] })).toEqual([]);
    });
    it('a rule turned off in the settings is not applied', () => {
      const settings = {
        ...DEFAULT_RESERVE_POOL_SETTINGS,
        disqualifications: { unqualifiedMemberYears: 0, underInvestigation: false, disciplinaryPeriod: false },
      };
      const discipline = [
        record('unqualified_member', '2025-12-31'),
        record('under_investigation', '2026-01-10'),
        record('disciplinary_period', '2026-01-01', '2027-01-01'),
      ];
      expect(rules({ settings, discipline })).toEqual([]);
      expect(rules({ discipline })).toEqual(['unqualified_member', 'under_investigation', 'disciplinary_period']);
    });
  });

  it('reports every failed rule, not only the first', () => {
    const person = { birthDate: '1970-01-01', education: 'junior_high' as const, partyMember: true };
    const result = reserveEligibility({ ...base, person, discipline: [record('under_investigation', '2026-01-01')] });
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.rule)).toEqual(['age', 'education', 'under_investigation']);
  });
});

describe('reserve pool settings', () => {
  it('defaults are valid', () => {
    expect(reservePoolSettingsSchema.parse(DEFAULT_RESERVE_POOL_SETTINGS)).toEqual(DEFAULT_RESERVE_POOL_SETTINGS);
  });
  it('a stored version missing later keys reads with the defaults', () => {
    expect(parseReservePoolSettings({ targetPerVillage: 3 })).toEqual({
      ...DEFAULT_RESERVE_POOL_SETTINGS,
      targetPerVillage: 3,
    });
  });
  it('refuses weights not adding up to 100 and a relaxed limit below the general one', () => {
    const bad = { ...DEFAULT_RESERVE_POOL_SETTINGS, examWeights: { written: 50, interview: 40 }, relaxedAgeLimit: 35 };
    const issues = reservePoolSettingsSchema.safeParse(bad).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(['examWeights', 'relaxedAgeLimit']);
  });
});
