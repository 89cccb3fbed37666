// Forms are zod schemas, named once and shared by the workflow (authoritative check in the
// update validator), the API (clear 400s) and the console (fields to draw).
import { z } from 'zod';

export const commonForms = {
  /** A decision with nothing to fill in but an optional opinion. */
  approval: z.object({ opinion: z.string().max(2000).optional() }).strict(),
} as const;

export type FormRegistry = Record<string, z.ZodType<Record<string, unknown>>>;

export interface FormProblem {
  field: string;
  message: string;
}

export function checkForm(registry: FormRegistry, name: string, value: unknown): FormProblem[] {
  const schema = registry[name];
  if (!schema) return [{ field: '(form)', message: `unknown form ${name}` }];
  const result = schema.safeParse(value ?? {});
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(form)',
    message: issue.message,
  }));
}
