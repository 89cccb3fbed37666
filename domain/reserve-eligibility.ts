// Who may enter the reserve pool (后备干部资格条件), computed from the records alone so that the
// intake, the console and the API give the same answer with the same reasons. Pure: the caller
// reads the person, their discipline records, their village's mark and the settings in force.
import type { DisciplineKind, EducationLevel } from '../db/schema.js';
import type { ReservePoolSettings } from './reserve-pool-settings.js';

export type EligibilityRule = 'age' | 'education' | DisciplineKind;

export interface EligibilityReason {
  rule: EligibilityRule;
  message_zh: string;
  message_en: string;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Every rule that failed, in the order above; empty when eligible. */
  reasons: EligibilityReason[];
}

export interface EligibilityPerson {
  birthDate: string; // 'YYYY-MM-DD'
  education: EducationLevel;
  partyMember: boolean;
}

export interface EligibilityDisciplineRecord {
  kind: DisciplineKind;
  startsOn: string; // 'YYYY-MM-DD'
  endsOn: string | null; // open while it lasts (an investigation not yet closed)
}

export interface EligibilityInput {
  person: EligibilityPerson;
  discipline: readonly EligibilityDisciplineRecord[];
  /** villages.relaxed_age_limit of the person's village */
  relaxedAgeLimit: boolean;
  settings: ReservePoolSettings;
  /** The intake date: age and disqualifications are read on this day. */
  asOf: string; // 'YYYY-MM-DD'
}

/** 高中 and 中专 are one level: the schema lists them apart but the rules treat them alike. */
const EDUCATION_RANK: Record<EducationLevel, number> = {
  junior_high: 0,
  high_school: 1,
  vocational: 1,
  college: 2,
  bachelor: 3,
  master: 4,
};

export const EDUCATION_NAMES_ZH: Record<EducationLevel, string> = {
  junior_high: '初中',
  high_school: '高中',
  vocational: '中专',
  college: '大专',
  bachelor: '本科',
  master: '研究生',
};

export function educationAtLeast(level: EducationLevel, minimum: EducationLevel): boolean {
  return EDUCATION_RANK[level] >= EDUCATION_RANK[minimum];
}

/** Age in full years (周岁) on the day; both 'YYYY-MM-DD'. A 29 February birthday counts on 1 March. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age limit that applies to a person of a village with or without the county's mark. */
export function ageLimitFor(settings: ReservePoolSettings, relaxedAgeLimit: boolean): number {
  return relaxedAgeLimit ? settings.relaxedAgeLimit : settings.ageLimit;
}

/**
 * The first day on which the person is past the limit ("40 周岁以下" admits a person of 40
 * until their 41st birthday): the birthday of age limit + 1.
 */
export function agesOutOn(birthDate: string, limit: number): string {
  const year = Number(birthDate.slice(0, 4)) + limit + 1;
  const monthDay = birthDate.slice(5);
  // a 29 February birthday falls on 1 March in a common year
  if (monthDay === '02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return `${year}-03-01`;
  return `${year}-${monthDay}`;
}

function yearsBefore(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) - years;
  const monthDay = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** A record in force on the day: started, and not yet ended (an end day still counts). */
function inForce(record: EligibilityDisciplineRecord, day: string): boolean {
  return record.startsOn <= day && (record.endsOn === null || record.endsOn >= day);
}

export function reserveEligibility(input: EligibilityInput): EligibilityResult {
  const { person, discipline, settings, asOf } = input;
  const reasons: EligibilityReason[] = [];

  const limit = ageLimitFor(settings, input.relaxedAgeLimit);
  const age = ageOn(person.birthDate, asOf);
  if (age > limit) {
    reasons.push({
      rule: 'age',
      message_zh: `年龄超过上限：${asOf} 时 ${age} 周岁，上限 ${limit} 周岁`,
      message_en: `Over the age limit: ${age} on ${asOf}, the limit is ${limit}`,
    });
  }

  if (!educationAtLeast(person.education, settings.minimumEducation)) {
    const minimumZh =
      settings.minimumEducation === 'high_school' ? '高中/中专' : EDUCATION_NAMES_ZH[settings.minimumEducation];
    reasons.push({
      rule: 'education',
      message_zh: `学历不足：${EDUCATION_NAMES_ZH[person.education]}，须${minimumZh}及以上`,
      message_en: `Education below the minimum: ${person.education}, at least ${settings.minimumEducation} is required`,
    });
  }

  const rules = settings.disqualifications;
  if (rules.unqualifiedMemberYears > 0) {
    const since = yearsBefore(asOf, rules.unqualifiedMemberYears);
    const found = discipline.find((r) => r.kind === 'unqualified_member' && r.startsOn > since && r.startsOn <= asOf);
    if (found) {
      reasons.push({
        rule: 'unqualified_member',
        message_zh: `近 ${rules.unqualifiedMemberYears} 年内被评为不合格党员（${found.startsOn}）`,
        message_en: `Rated an unqualified Party member within ${rules.unqualifiedMemberYears} years (${found.startsOn})`,
      });
    }
  }
  if (rules.underInvestigation) {
    const found = discipline.find((r) => r.kind === 'under_investigation' && inForce(r, asOf));
    if (found) {
      reasons.push({
        rule: 'under_investigation',
        message_zh: `正在接受立案审查（自 ${found.startsOn}）`,
        message_en: `Under investigation (since ${found.startsOn})`,
      });
    }
  }
  if (rules.disciplinaryPeriod) {
    const found = discipline.find((r) => r.kind === 'disciplinary_period' && inForce(r, asOf));
    if (found) {
      const until = found.endsOn ?? '—';
      reasons.push({
        rule: 'disciplinary_period',
        message_zh: `处于处分影响期内（${found.startsOn} 至 ${until}）`,
        message_en: `Inside a disciplinary period (${found.startsOn} to ${until})`,
      });
    }
  }

  return { eligible: reasons.length === 0, reasons };
}
