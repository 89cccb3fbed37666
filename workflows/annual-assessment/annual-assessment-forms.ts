// The forms of the annual assessment (年度考核).
import { z } from 'zod';
import { commonFormBuilders, formsOf } from '../human-step/forms.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const annualAssessmentForms = formsOf({
  ...commonFormBuilders,
  /** 述职 / 自评 */
  selfReport: () => z.object({ summary: text(4000), achievements: z.string().trim().max(4000).optional() }).strict(),
  /** 村党组织书记评议 (for a secretary: the township's) */
  review: () => z.object({ opinion: text(2000) }).strict(),
  /** 乡镇评分: one score per rubric item; which items are required comes with the step. */
  score: () =>
    z
      .object({
        scores: z.record(z.string(), z.number().min(0).max(100)),
        comment: z.string().trim().max(2000).optional(),
      })
      .strict(),
  /** 异议 answered: upheld (approve) or dismissed (reject), with the answer. */
  objectionAnswer: () => z.object({ answer: text(2000) }).strict(),
  /** 发布公示: where the ranking is posted (公示栏、政务公开网站…). */
  publishNotice: () => z.object({ where: text(200), note: z.string().trim().max(2000).optional() }).strict(),
  /** 确认考核结果: the township closes the year once the notice is over and every objection answered. */
  confirmResults: () => z.object({ opinion: z.string().trim().max(2000).optional() }).strict(),
  /** 提醒谈话 */
  reminderTalk: () => z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), content: text(4000) }).strict(),
});
