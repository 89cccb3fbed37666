// Forms are zod schemas, named once and shared by the workflow (authoritative check in the
// update validator), the API (clear 400s) and the console (fields to draw).
import { z } from 'zod';

export type FormRegistry = Record<string, z.ZodType<Record<string, unknown>>>;

/**
 * A process's forms, each schema built when first read. A workflow evaluates every process's
 * form modules when it is created, and building all their schemas then cost most of the CPU a
 * new process's first step takes; a workflow reads one form per decision, of its own process.
 */
export function formsOf<const T extends Record<string, () => z.ZodType<Record<string, unknown>>>>(
  builders: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const forms = {};
  for (const [name, build] of Object.entries(builders)) {
    Object.defineProperty(forms, name, {
      enumerable: true,
      configurable: true,
      get() {
        const schema = build();
        Object.defineProperty(forms, name, { value: schema, enumerable: true });
        return schema;
      },
    });
  }
  return forms as { readonly [K in keyof T]: ReturnType<T[K]> };
}

/** Forms every process has, as builders for `formsOf`. */
export const commonFormBuilders = {
  /** A decision with nothing to fill in but an optional opinion. */
  approval: () => z.object({ opinion: z.string().max(2000).optional() }).strict(),
};

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
