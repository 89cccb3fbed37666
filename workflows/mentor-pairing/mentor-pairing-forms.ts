// The forms people fill in during a mentor pairing (导师帮带).
import { z } from 'zod';
import { commonFormBuilders, formsOf } from '../human-step/forms.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

export const EXCHANGE_FORMS = ['visit', 'phone', 'onsite'] as const; // 走访 / 电话 / 现场指导
export const EVALUATION_GRADES = ['excellent', 'qualified', 'unqualified'] as const; // 优秀 / 合格 / 不合格

export const mentorPairingForms = formsOf({
  ...commonFormBuilders,
  /** 成长计划: the mentee's goals for the term. */
  growthPlan: () => z.object({ goals: z.array(text(200)).min(1).max(10), measures: text(2000).optional() }).strict(),
  /** 定期交流: one month's exchange. */
  exchange: () =>
    z
      .object({
        date: isoDate,
        form: z.enum(EXCHANGE_FORMS),
        notes: text(2000),
        problemsSolved: z.string().trim().max(2000).optional(),
      })
      .strict(),
  /** 中期评估 at month 6. */
  midtermReview: () => z.object({ progress: text(2000), nextSteps: text(2000) }).strict(),
  /** 期满自评 by the mentee. */
  selfEvaluation: () => z.object({ summary: text(4000) }).strict(),
  /** 期满评价 by the mentor. */
  mentorEvaluation: () => z.object({ grade: z.enum(EVALUATION_GRADES), comments: text(4000) }).strict(),
});

export type MentorPairingFormName = keyof typeof mentorPairingForms;
export type ExchangeForm = z.infer<typeof mentorPairingForms.exchange>;
export type MentorEvaluationForm = z.infer<typeof mentorPairingForms.mentorEvaluation>;
