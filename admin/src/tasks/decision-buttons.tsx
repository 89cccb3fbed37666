import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useProcessDefinition } from '../processes/use-definitions';
import { stepLabel } from '../processes/step-label';
import { stepFormProblems } from './check-step-form';
import { formPayload, type StepForm } from './forms';
import { TaskActionDialog } from './task-action-dialog';
import type { Task, TaskDecision } from './types';
import { useTaskAction, type ActionRequest } from './use-task-action';

const STYLE: Record<TaskDecision, { variant: 'contained' | 'outlined'; color: 'primary' | 'error' | 'warning' }> = {
    submit: { variant: 'contained', color: 'primary' },
    approve: { variant: 'contained', color: 'primary' },
    reject: { variant: 'outlined', color: 'error' },
    return: { variant: 'outlined', color: 'warning' },
};

/** The allowed decisions of the step: 提交 / 同意 check the form; 驳回 / 退回 ask for a reason. */
export const DecisionButtons = ({ task, stepForm }: { task: Task; stepForm: StepForm }) => {
    const translate = useTranslate();
    const { handleSubmit, getValues, setError } = useFormContext();
    const { act, pending } = useTaskAction(task);
    const definition = useProcessDefinition(task.processType);
    const [locale] = useLocaleState();
    const [asking, setAsking] = useState<TaskDecision | null>(null);
    const returnToChoices = (task.context?.returnTo ?? []).map((key) => ({
        id: key,
        name: stepLabel(locale, definition, key),
    }));

    const reasonOf = (field: string) => String(getValues(`form.${field}`) ?? '').trim();

    /** `checked`: the decision stands on the form (提交 / 同意, 驳回 with its reason field), so check it first. */
    const send = async (action: TaskDecision, extra: Omit<ActionRequest, 'action' | 'form'> = {}, checked = false) => {
        const form = formPayload(stepForm, getValues('form'));
        const problems = checked ? stepFormProblems(task.processType, task.form, form, locale) : {};
        for (const [input, message] of Object.entries(problems)) setError(input, { type: 'schema', message });
        if (Object.keys(problems).length) return problems;
        const errors = await act({ action, form, ...extra });
        for (const [field, message] of Object.entries(errors ?? {})) {
            // form.goals.0 → the goals input
            if (field.startsWith('form.'))
                setError(field.split('.').slice(0, 2).join('.'), { type: 'server', message });
        }
        return errors;
    };

    return (
        <>
            <Stack
                direction="row"
                spacing={1}
                useFlexGap
                sx={{ flexWrap: 'wrap', mt: 1 }}
                className="qinglan-decisions"
            >
                {task.actions.map((action) => (
                    <Button
                        key={action}
                        type="button"
                        {...STYLE[action]}
                        disabled={pending}
                        data-action={action}
                        onClick={
                            action === 'reject' && stepForm.reasonField
                                ? handleSubmit(() => send(action, { comment: reasonOf(stepForm.reasonField!) }, true))
                                : action === 'reject' || action === 'return'
                                  ? () => setAsking(action)
                                  : handleSubmit(() => send(action, {}, true))
                        }
                    >
                        {translate(stepForm.decisionLabels?.[action] ?? `qinglan.tasks.decision.${action}`, {
                            _: action,
                        })}
                    </Button>
                ))}
            </Stack>
            <TaskActionDialog
                action={asking}
                returnToChoices={returnToChoices}
                pending={pending}
                onClose={() => setAsking(null)}
                onConfirm={(extra) => send(asking!, extra)}
            />
        </>
    );
};
