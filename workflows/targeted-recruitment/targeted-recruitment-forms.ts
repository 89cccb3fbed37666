// The forms of targeted recruitment (定向考录). The same schemas check the workflow's Updates,
// the API's 400s and the console.
import { z } from 'zod';
import { commonFormBuilders, formsOf } from '../human-step/forms.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const applicationId = z.number().int().positive().max(2147483647);
const applicationReason = z.object({ applicationId, reason: text(500) }).strict();
/** A score, or null when the applicant was absent (缺考). */
const score = z.number().min(0).max(100).nullable();

export const targetedRecruitmentForms = formsOf({
  ...commonFormBuilders,
  /** 乡镇党委推荐: approve = recommended, reject = not (the reason as comment). */
  recommendation: () => z.object({ opinion: text(2000) }).strict(),
  /** 资格复审 and 部务会: the list is approved but for those disqualified, each with a reason. */
  countyReview: () =>
    z
      .object({
        disqualified: z.array(applicationReason).max(2000).default([]),
        opinion: z.string().trim().max(2000).optional(),
      })
      .strict(),
  /** 异议答复: approve = upheld (the applicant leaves the list), reject = dismissed. */
  objectionAnswer: () => z.object({ answer: text(2000) }).strict(),
  /** 笔试 / 面试 scores, imported from the province's spreadsheet. */
  scores: () =>
    z
      .object({
        scores: z.array(z.object({ applicationId, score }).strict()).min(1).max(5000),
        source: z.string().trim().max(200).optional(),
      })
      .strict(),
  /** 体检 / 考察: approve = passed; reject (with the reason as comment) = failed. */
  inspection: () => z.object({ findings: text(4000) }).strict(),
  /** 试用期满考核: approve = 转正, reject = not confirmed. */
  probationReview: () => z.object({ findings: text(4000) }).strict(),
});

export type TargetedRecruitmentFormName = keyof typeof targetedRecruitmentForms;
