// Every human step a process declares can be done from the console: its form name has a form
// there, so no step falls back to the bare 意见 form that its schema would refuse.
import { describe, expect, it } from 'vitest';
import { stepsOf } from '../../../../workflows/human-step/step-catalogue';
import { PROCESS_TYPES } from '../../../../workflows/process-types';
import { STEP_FORMS, stepFormOf } from './index';

const declared = Object.values(PROCESS_TYPES).flatMap(({ type, catalogue, forms }) =>
    stepsOf(catalogue)
        .filter((step) => step.form)
        .map((step) => ({ type, step: step.key, form: step.form!, schema: forms[step.form!] })),
);

describe('console step forms', () => {
    it('has a form for every step a process declares', () => {
        expect(declared.length).toBeGreaterThan(20);
        const missing = declared
            .filter(
                ({ type, form }) =>
                    form !== 'approval' && stepFormOf({ form, processType: type }) === STEP_FORMS.approval,
            )
            .map(({ type, step, form }) => `${type} ${step} (${form})`);
        expect(missing).toEqual([]);
    });

    it('sends 审批 only to steps whose form takes an optional 意见', () => {
        const approvals = declared.filter((d) => d.form === 'approval');
        expect(approvals.length).toBeGreaterThan(0);
        for (const { type, step, schema } of approvals)
            expect(schema.safeParse({ opinion: '同意' }).success, `${type} ${step}`).toBe(true);
    });
});
