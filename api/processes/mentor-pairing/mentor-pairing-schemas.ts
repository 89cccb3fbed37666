import { z } from '@hono/zod-openapi';

const days = z.number().int().min(1).max(365);
export const PairingSettingsInput = z
  .object({
    approvalWorkingDays: days,
    growthPlanDays: days,
    reviewWorkingDays: days,
    termMonths: z.number().int().min(1).max(60),
    remindDaysBeforeMonthEnd: z.number().int().min(0).max(27),
    // A fraction of a day is allowed: the demo county escalates a late exchange within a minute.
    escalateDaysAfterMonthEnd: z.number().positive().max(365),
    midtermMonth: z.number().int().min(1).max(60),
    evaluationDays: days,
    extensionMonths: z.number().int().min(0).max(24),
  })
  .partial()
  .strict()
  .openapi('MentorPairingSettings');

export const StartPairingBody = z
  .object({
    menteePersonId: z.number().int().positive().max(2147483647),
    mentorPersonId: z.number().int().positive().max(2147483647),
    reason: z.string().trim().max(500).optional(),
    settings: PairingSettingsInput.optional(),
  })
  .strict()
  .openapi('StartMentorPairing');

export const BulkPairingBody = z
  .object({ townshipId: z.number().int().positive().max(2147483647), settings: PairingSettingsInput.optional() })
  .strict()
  .openapi('StartMentorPairingsForTownship');

export const ReassignBody = z
  .object({ mentorPersonId: z.number().int().positive().max(2147483647), reason: z.string().trim().min(1).max(500) })
  .strict()
  .openapi('ReassignMentor');
export const EndEarlyBody = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
  .openapi('EndPairingEarly');
export const StartedSchema = z.object({ id: z.string(), title: z.string() }).openapi('StartedProcess');
