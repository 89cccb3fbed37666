// Who may apply to a targeted recruitment campaign (定向考录报考资格), computed from qinglan's own
// records: the seats a person holds, the annual assessment results, the discipline records and
// the person's age and education. Checked at application and again at the county's review
// (三龄两历), with every failed rule's reason in Chinese and English. Pure: the caller reads the
// records and the campaign's frozen rules.
import type { COMMITTEES, DisciplineKind, EducationLevel, POSITION_TITLES } from '../db/schema.js';
import type { Grade } from '../workflows/annual-assessment/rubric.js';
import { ageOn, EDUCATION_NAMES_ZH, educationAtLeast } from './reserve-eligibility.js';
import type { EligiblePost, RecruitmentRules } from './recruitment-rules.js';
import { seatHeldOn, seatHeldUntil, withOwnSuccessors, type SeatTerm } from './seat-tenure.js';

export type RecruitmentRule =
  'post' | 'years_in_post' | 'age' | 'education' | 'assessment' | 'disciplinary_period' | 'under_investigation';

export interface RecruitmentReason {
  rule: RecruitmentRule;
  message_zh: string;
  message_en: string;
  /** The assessment year a reason is about, when it is one. */
  year?: number;
}

export interface RecruitmentEligibility {
  eligible: boolean;
  reasons: RecruitmentReason[];
  /** The eligible post held on the day and the years held in a row (for the list and review). */
  post: EligiblePost | null;
  yearsInPost: number;
}

/** A seat with its successor's start when one is recorded: a cadre serves until then (seat-tenure.ts). */
export interface SeatRecord extends SeatTerm {
  committee: (typeof COMMITTEES)[number];
  title: (typeof POSITION_TITLES)[number];
}

export interface AssessmentRecord {
  year: number;
  /** Null: assessed but not graded (missed the deadline). */
  grade: Grade | null;
}

export interface RecruitmentEligibilityInput {
  person: { birthDate: string; education: EducationLevel };
  seats: readonly SeatRecord[];
  /** The final annual assessment result of each year (the latest version). */
  assessments: readonly AssessmentRecord[];
  discipline: readonly { kind: DisciplineKind; startsOn: string; endsOn: string | null }[];
  relaxedAgeLimit: boolean;
  rules: RecruitmentRules;
  /** The day of application or review. */
  asOf: string;
}

/** The kind of post a seat is, for the rules; members (委员) count as none. */
export function postOf(seat: Pick<SeatRecord, 'committee' | 'title'>): EligiblePost | null {
  if (seat.title === 'secretary' && seat.committee === 'party_branch') return 'secretary';
  if (seat.title === 'director' && seat.committee === 'villagers_committee') return 'director';
  if (seat.title === 'deputy_secretary' || seat.title === 'deputy_director') return 'deputy';
  if (seat.title === 'liaison_officer') return 'liaison_officer';
  return null;
}

export const POST_NAMES_ZH: Record<EligiblePost, string> = {
  secretary: '党组织书记',
  director: '村(居)委会主任',
  deputy: '副书记/副主任',
  liaison_officer: '党建联络员',
};

const POST_ORDER: EligiblePost[] = ['secretary', 'director', 'deputy', 'liaison_officer'];

export const GRADE_NAMES_ZH: Record<Grade, string> = {
  excellent: '优秀',
  competent: '称职',
  basically_competent: '基本称职',
  incompetent: '不称职',
};
const GRADE_OK: Record<Grade, boolean> = {
  excellent: true,
  competent: true,
  basically_competent: false,
  incompetent: false,
};

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The first day of the unbroken run of eligible seats reaching the day: seats of eligible
 * posts held on the day, extended back by any eligible seat that ends no earlier than the day
 * before the run starts (a re-election or a move from deputy to secretary keeps it unbroken).
 */
export function continuousSince(
  seats: readonly SeatRecord[],
  allowed: readonly EligiblePost[],
  asOf: string,
): string | null {
  const eligible = withOwnSuccessors(seats).filter((s) => {
    const post = postOf(s);
    return post !== null && allowed.includes(post);
  });
  const current = eligible.filter((s) => seatHeldOn(s, asOf));
  if (current.length === 0) return null;
  let since = current.reduce((min, s) => (s.termStart < min ? s.termStart : min), asOf);
  for (let changed = true; changed;) {
    changed = false;
    for (const s of eligible) {
      if (s.termStart < since && seatHeldUntil(s, asOf) >= dayBefore(since)) {
        since = s.termStart;
        changed = true;
      }
    }
  }
  return since;
}

export function recruitmentEligibility(input: RecruitmentEligibilityInput): RecruitmentEligibility {
  const { person, assessments, discipline, rules, asOf } = input;
  const seats = withOwnSuccessors(input.seats);
  const reasons: RecruitmentReason[] = [];

  // 现任职务 and 连续任职年限
  const held = seats
    .filter((s) => seatHeldOn(s, asOf))
    .map(postOf)
    .filter((p): p is EligiblePost => p !== null && rules.eligiblePosts.includes(p));
  const post = POST_ORDER.find((p) => held.includes(p)) ?? null;
  let yearsInPost = 0;
  if (post === null) {
    const open = rules.eligiblePosts.map((p) => POST_NAMES_ZH[p]).join('、');
    reasons.push({
      rule: 'post',
      message_zh: `${asOf} 未担任可报考职务（${open}）`,
      message_en: `Holds none of the posts open to the campaign (${rules.eligiblePosts.join(', ')}) on ${asOf}`,
    });
  } else {
    const since = continuousSince(seats, rules.eligiblePosts, asOf)!;
    yearsInPost = ageOn(since, asOf);
    const required =
      post === 'secretary' || post === 'director' ? rules.yearsInPost.secretaryOrDirector : rules.yearsInPost.general;
    if (yearsInPost < required) {
      reasons.push({
        rule: 'years_in_post',
        message_zh: `连续任职年限不足：自 ${since} 起连续任职 ${yearsInPost} 年，${POST_NAMES_ZH[post]}须满 ${required} 年`,
        message_en: `Too few years in post: ${yearsInPost} in a row since ${since}, ${required} required for a ${post}`,
      });
    }
  }

  const limit = input.relaxedAgeLimit ? rules.relaxedAgeLimit : rules.ageLimit;
  const age = ageOn(person.birthDate, asOf);
  if (age > limit) {
    reasons.push({
      rule: 'age',
      message_zh: `年龄超过上限：${asOf} 时 ${age} 周岁，上限 ${limit} 周岁`,
      message_en: `Over the age limit: ${age} on ${asOf}, the limit is ${limit}`,
    });
  }

  if (!educationAtLeast(person.education, rules.minimumEducation)) {
    reasons.push({
      rule: 'education',
      message_zh: `学历不足：${EDUCATION_NAMES_ZH[person.education]}，须${EDUCATION_NAMES_ZH[rules.minimumEducation]}及以上`,
      message_en: `Education below the minimum: ${person.education}, at least ${rules.minimumEducation} is required`,
    });
  }

  // 近 N 年年度考核称职及以上: each of the N years before the year of application.
  const thisYear = Number(asOf.slice(0, 4));
  for (let year = thisYear - rules.assessmentYears; year < thisYear; year++) {
    const result = assessments.find((a) => a.year === year);
    if (!result || result.grade === null) {
      reasons.push({
        rule: 'assessment',
        year,
        message_zh: `${year} 年无年度考核结果`,
        message_en: `No annual assessment result for ${year}`,
      });
    } else if (!GRADE_OK[result.grade]) {
      reasons.push({
        rule: 'assessment',
        year,
        message_zh: `${year} 年度考核为${GRADE_NAMES_ZH[result.grade]}，须称职及以上`,
        message_en: `Assessed ${result.grade} in ${year}, competent or better is required`,
      });
    }
  }

  const inForce = (r: { startsOn: string; endsOn: string | null }) =>
    r.startsOn <= asOf && (r.endsOn === null || r.endsOn >= asOf);
  if (rules.disqualifyDisciplinaryPeriod) {
    const found = discipline.find((r) => r.kind === 'disciplinary_period' && inForce(r));
    if (found) {
      reasons.push({
        rule: 'disciplinary_period',
        message_zh: `处于处分影响期内（${found.startsOn} 至 ${found.endsOn ?? '—'}）`,
        message_en: `Inside a disciplinary period (${found.startsOn} to ${found.endsOn ?? '—'})`,
      });
    }
  }
  if (rules.disqualifyInvestigation) {
    const found = discipline.find((r) => r.kind === 'under_investigation' && inForce(r));
    if (found) {
      reasons.push({
        rule: 'under_investigation',
        message_zh: `正在接受立案审查（自 ${found.startsOn}）`,
        message_en: `Under investigation (since ${found.startsOn})`,
      });
    }
  }

  return { eligible: reasons.length === 0, reasons, post, yearsInPost };
}
