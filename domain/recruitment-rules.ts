// The rules of a targeted recruitment campaign (定向考录): who may apply, the exams and their
// weights, bonus points, the notices, probation and the minimum service term. A campaign keeps
// its own copy, one version per change while a draft; publishing (公告) freezes the version in
// force. The defaults are those found in published county notices; the county changes any of
// them per campaign. Pure, so the workflows, the API and the console read the same rules.
import { z } from 'zod';
import { EDUCATION_LEVELS } from '../db/schema.js';

/** The posts a campaign may open to (现任职务). Deputies are 副书记 and 副主任 alike. */
export const ELIGIBLE_POSTS = ['secretary', 'director', 'deputy', 'liaison_officer'] as const;
export type EligiblePost = (typeof ELIGIBLE_POSTS)[number];

// Chinese and English in one message, split again by the API (the mark of
// api/validation/bilingual-errors.ts; not imported so the workflows can load this file).
const both = (zh: string, en: string) => `${zh}\u0001${en}`;
const count = (min: number, max: number) => z.number().int().min(min).max(max);
const score = z.number().min(0).max(100);

export const recruitmentRulesSchema = z
  .object({
    /** 现任职务: 书记, 主任, 副职; 党建联络员 only when the county opens the campaign to them. */
    eligiblePosts: z.array(z.enum(ELIGIBLE_POSTS)).min(1).max(ELIGIBLE_POSTS.length),
    /** 连续任职年限: in a row, in any of the eligible posts. */
    yearsInPost: z.object({ general: count(0, 20), secretaryOrDirector: count(0, 20) }).strict(),
    /** 年龄上限 (周岁, on the day of application) */
    ageLimit: count(18, 70),
    /** 放宽村年龄上限: villages the county marks (villages.relaxed_age_limit) */
    relaxedAgeLimit: count(18, 70),
    /** 最低学历: 大专 by default, 中专 when the county relaxes it. */
    minimumEducation: z.enum(EDUCATION_LEVELS),
    /** 近 N 年年度考核均为称职及以上 */
    assessmentYears: count(0, 10),
    /** 处分影响期内 / 立案审查期间 不得报考 */
    disqualifyDisciplinaryPeriod: z.boolean(),
    disqualifyInvestigation: z.boolean(),
    /** 报名期 (days) */
    applicationDays: count(1, 60),
    /** 资格审查公示 (working days) */
    qualifiedNoticeWorkingDays: count(1, 30),
    /** 合格线 */
    passMarks: z.object({ written: score, interview: score }).strict(),
    /** 入围面试比例 1:N per place */
    shortlistRatio: count(1, 10),
    /** 笔试权重 (percent); the interview weighs the rest. */
    writtenWeightPercent: count(0, 100),
    /** 加分: 县级 / 市级 awards */
    bonusPoints: z.object({ county: z.number().min(0).max(20), prefecture: z.number().min(0).max(20) }).strict(),
    /** 拟录用公示 (days) */
    hireNoticeDays: count(1, 30),
    /** 试用期 (months): 1 year in the civil service; 3 for 事业编制, at most 6. */
    probationMonths: z.object({ civilService: count(1, 24), publicInstitution: count(1, 6) }).strict(),
    /** 最低服务年限 at township level (years) */
    minimumServiceYears: count(0, 20),
  })
  .strict()
  .refine((r) => r.relaxedAgeLimit >= r.ageLimit, {
    path: ['relaxedAgeLimit'],
    message: both('放宽后的年龄上限不能低于一般上限', 'the relaxed age limit cannot be below the general one'),
  })
  .refine((r) => new Set(r.eligiblePosts).size === r.eligiblePosts.length, {
    path: ['eligiblePosts'],
    message: both('职务不能重复', 'a post is listed twice'),
  });

export type RecruitmentRules = z.infer<typeof recruitmentRulesSchema>;

export const DEFAULT_RECRUITMENT_RULES: RecruitmentRules = {
  eligiblePosts: ['secretary', 'director', 'deputy'],
  yearsInPost: { general: 3, secretaryOrDirector: 2 },
  ageLimit: 40,
  relaxedAgeLimit: 45,
  minimumEducation: 'college',
  assessmentYears: 3,
  disqualifyDisciplinaryPeriod: true,
  disqualifyInvestigation: true,
  applicationDays: 7,
  qualifiedNoticeWorkingDays: 5,
  passMarks: { written: 60, interview: 60 },
  shortlistRatio: 3,
  writtenWeightPercent: 50,
  bonusPoints: { county: 2, prefecture: 5 },
  hireNoticeDays: 7,
  probationMonths: { civilService: 12, publicInstitution: 3 },
  minimumServiceYears: 5,
};

/**
 * Rules read back from a stored version: keys missing from an older version take the
 * default, so a rule added later never makes an old campaign unreadable.
 */
export function parseRecruitmentRules(values: unknown): RecruitmentRules {
  const stored = (values && typeof values === 'object' ? values : {}) as Partial<RecruitmentRules>;
  const d = DEFAULT_RECRUITMENT_RULES;
  return recruitmentRulesSchema.parse({
    ...d,
    ...stored,
    yearsInPost: { ...d.yearsInPost, ...stored.yearsInPost },
    passMarks: { ...d.passMarks, ...stored.passMarks },
    bonusPoints: { ...d.bonusPoints, ...stored.bonusPoints },
    probationMonths: { ...d.probationMonths, ...stored.probationMonths },
  });
}
