// The county's rules for the reserve cadre pool (后备干部人才库): targets, who may enter, how long
// the notice and trial last, how often the talks fall due, and the intake's exam rules. Kept in
// `county_settings` under the topic below, one row per version; a decision is read against the
// version in force on its day. The defaults are those of published county and township rules.
import { z } from 'zod';
import { EDUCATION_LEVELS } from '../db/schema.js';

export const RESERVE_POOL_TOPIC = 'reserve_pool';

export const DISQUALIFICATIONS = ['unqualified_member', 'under_investigation', 'disciplinary_period'] as const;
export type Disqualification = (typeof DISQUALIFICATIONS)[number];

// Chinese and English in one message, split again by the API (the mark of
// api/validation/bilingual-errors.ts; not imported so the workflows can load this file).
const both = (zh: string, en: string) => `${zh}\u0001${en}`;

const count = (min: number, max: number) => z.number().int().min(min).max(max);

export const reservePoolSettingsSchema = z
  .object({
    /** 每村后备干部目标数 */
    targetPerVillage: count(0, 20),
    /** 年龄上限 (on the intake date) */
    ageLimit: count(18, 70),
    /** 放宽村年龄上限: villages the county marks (villages.relaxed_age_limit) */
    relaxedAgeLimit: count(18, 70),
    /** 最低学历: this level or any above it in EDUCATION_LEVELS */
    minimumEducation: z.enum(EDUCATION_LEVELS),
    /** 取消资格情形 */
    disqualifications: z.object({
      /** 近 N 年内被评为不合格党员; 0 turns the rule off */
      unqualifiedMemberYears: count(0, 20),
      /** 正在接受立案审查 */
      underInvestigation: z.boolean(),
      /** 处分影响期内 */
      disciplinaryPeriod: z.boolean(),
    }),
    /** 公示期 (working days) */
    noticeWorkingDays: count(1, 30),
    /** 试用期 (months) */
    trialMonths: count(0, 36),
    /** 导师谈话间隔 (months) */
    mentorTalkMonths: count(1, 24),
    /** 乡镇党委书记谈话间隔 (months) */
    secretaryTalkMonths: count(1, 36),
    /** 每年须参加培训 */
    yearlyTrainingRequired: z.boolean(),
    /** 推选窗口 (days) */
    intakeWindowDays: count(1, 90),
    /** 每村最少推荐人数 */
    minNominationsPerVillage: count(0, 20),
    /** 笔试 / 面试权重 (percent, adding up to 100) */
    examWeights: z.object({ written: count(0, 100), interview: count(0, 100) }),
    /** 入围比例 1:N (candidates per place) */
    shortlistRatio: count(1, 10),
  })
  .refine((s) => s.examWeights.written + s.examWeights.interview === 100, {
    path: ['examWeights'],
    message: both('笔试与面试权重之和须为 100', 'written and interview weights must add up to 100'),
  })
  .refine((s) => s.relaxedAgeLimit >= s.ageLimit, {
    path: ['relaxedAgeLimit'],
    message: both('放宽后的年龄上限不能低于一般上限', 'the relaxed age limit cannot be below the general one'),
  });

export type ReservePoolSettings = z.infer<typeof reservePoolSettingsSchema>;

export const DEFAULT_RESERVE_POOL_SETTINGS: ReservePoolSettings = {
  targetPerVillage: 2,
  ageLimit: 40,
  relaxedAgeLimit: 45,
  minimumEducation: 'high_school', // 高中/中专: vocational ranks beside it, see educationRank
  disqualifications: { unqualifiedMemberYears: 5, underInvestigation: true, disciplinaryPeriod: true },
  noticeWorkingDays: 5,
  trialMonths: 6,
  mentorTalkMonths: 6,
  secretaryTalkMonths: 12,
  yearlyTrainingRequired: true,
  intakeWindowDays: 10,
  minNominationsPerVillage: 2,
  examWeights: { written: 60, interview: 40 },
  shortlistRatio: 2,
};

/**
 * A stored version read back: missing keys (a version written before a key existed) take the
 * default, so a new rule never makes an old row unreadable.
 */
export function parseReservePoolSettings(values: unknown): ReservePoolSettings {
  const stored = (values && typeof values === 'object' ? values : {}) as Partial<ReservePoolSettings>;
  return reservePoolSettingsSchema.parse({
    ...DEFAULT_RESERVE_POOL_SETTINGS,
    ...stored,
    disqualifications: { ...DEFAULT_RESERVE_POOL_SETTINGS.disqualifications, ...stored.disqualifications },
    examWeights: { ...DEFAULT_RESERVE_POOL_SETTINGS.examWeights, ...stored.examWeights },
  });
}
