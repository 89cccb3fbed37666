// A process's forms are built when first read, not when its modules load: every workflow the
// worker creates loads every process's form modules, and reads one form per decision.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkForm, formsOf } from './forms.js';
import { defineSteps } from './step-catalogue.js';

const STEP = {
  key: 'draft',
  name: '起草',
  nameEn: 'Draft',
  role: 'cadre',
  next: [],
  decisions: ['submit'],
  remindBefore: { days: 1 },
  escalate: [],
  legacyEscalate: [],
} as const;

describe('formsOf', () => {
  it('builds each schema on its first read, once, and a step catalogue reads none when declared', () => {
    const built: string[] = [];
    const forms = formsOf({
      plan: () => (built.push('plan'), z.object({ goals: z.array(z.string()).min(1) }).strict()),
      note: () => (built.push('note'), z.object({ text: z.string() }).strict()),
    });
    const steps = defineSteps(forms, {
      draft: { ...STEP, form: 'plan' },
    });
    expect(built).toEqual([]);
    expect(Object.keys(forms)).toEqual(['plan', 'note']);

    expect(steps.draft.schema.safeParse({ goals: ['熟悉村务'] }).success).toBe(true);
    expect(checkForm(forms, 'plan', { goals: [] })).toEqual([{ field: 'goals', message: expect.any(String) }]);
    expect(forms.plan).toBe(steps.draft.schema);
    expect(built).toEqual(['plan']);
    expect(checkForm(forms, 'missing', {})).toEqual([{ field: '(form)', message: 'unknown form missing' }]);
  });

  it('refuses a step naming a form its process does not have', () => {
    const forms = formsOf({ note: () => z.object({ text: z.string() }).strict() });
    expect(() =>
      defineSteps(forms, {
        draft: { ...STEP, form: 'plan' as never },
      }),
    ).toThrow('step draft: no form plan');
  });
});
