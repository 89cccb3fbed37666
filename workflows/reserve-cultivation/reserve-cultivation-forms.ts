// The forms of reserve cadre work (后备干部推选与培养): the yearly intake's and each reserve's
// cultivation. The same schemas check the workflow's Updates, the API's 400s and the console.
import { z } from 'zod';
import { commonFormBuilders, formsOf } from '../human-step/forms.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const personId = z.number().int().positive().max(2147483647);
/** One person sent back, with the reason, by a review (资格初审, 县级联审). */
const personReason = z.object({ personId, reason: text(500) }).strict();

export const PLACEMENT_KINDS = ['shadowing', 'secondment', 'assistant'] as const; // 跟班学习 / 挂职 / 助理
export const REVIEW_RESULTS = ['pass', 'fail'] as const; // 合格 / 不合格
export const KEEP_OR_EXIT = ['keep', 'exit'] as const; // 保留 / 退出

export const reserveCultivationForms = formsOf({
  ...commonFormBuilders,
  /** 推荐确认: the village has sent its nominations; fewer than the minimum needs a reason. */
  villageNominations: () =>
    z
      .object({ shortfallReason: z.string().trim().max(1000).optional(), note: z.string().trim().max(1000).optional() })
      .strict(),
  /** 资格初审 (village Party branch, then township): everyone passes unless listed here. */
  qualificationReview: () =>
    z
      .object({ rejected: z.array(personReason).max(200).default([]), opinion: z.string().trim().max(2000).optional() })
      .strict(),
  /** 考试成绩: written and interview scores per candidate (imported from a spreadsheet). */
  examScores: () =>
    z
      .object({
        scores: z
          .array(
            z.object({ personId, written: z.number().min(0).max(100), interview: z.number().min(0).max(100) }).strict(),
          )
          .min(1)
          .max(2000),
      })
      .strict(),
  /** 考察: approve = 考察合格; reject (with the reason as comment) = 不合格. */
  inspection: () => z.object({ findings: text(4000) }).strict(),
  /** 县级联审: the list is approved but for the people returned, each with a reason. */
  countyReview: () =>
    z
      .object({ returned: z.array(personReason).max(200).default([]), opinion: z.string().trim().max(2000).optional() })
      .strict(),
  /** 异议答复: approve = upheld (the person leaves the list), reject = dismissed. */
  objectionAnswer: () => z.object({ answer: text(2000) }).strict(),
  /** 确定导师: a serving cadre or township official. */
  mentorAssignment: () => z.object({ mentorPersonId: personId, note: z.string().trim().max(1000).optional() }).strict(),
  /** 导师谈话 / 乡镇党委书记谈话 */
  talk: () => z.object({ date: isoDate, content: text(4000) }).strict(),
  /** 年度培训与岗位锻炼 */
  training: () =>
    z
      .object({
        trainings: z
          .array(z.object({ name: text(200), date: isoDate }).strict())
          .max(50)
          .default([]),
        placements: z
          .array(
            z
              .object({
                kind: z.enum(PLACEMENT_KINDS),
                startedOn: isoDate,
                endedOn: isoDate.optional(),
                note: z.string().trim().max(500).optional(),
              })
              .strict(),
          )
          .max(50)
          .default([]),
      })
      .strict(),
  /** 年度考察 by the township when the reserve was not in the annual assessment. */
  yearlyReview: () => z.object({ result: z.enum(REVIEW_RESULTS), comment: text(2000) }).strict(),
  /** 不合格之后: the township keeps the reserve or lets them go, with the reason. */
  keepOrExit: () => z.object({ decision: z.enum(KEEP_OR_EXIT), reason: text(1000) }).strict(),
});

export type ReserveFormName = keyof typeof reserveCultivationForms;
export type ExamScoresForm = z.infer<typeof reserveCultivationForms.examScores>;
