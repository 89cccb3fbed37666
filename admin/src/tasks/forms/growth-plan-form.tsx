import { TextInput } from 'react-admin';

// Goals are a list of lines; the form holds every line as typed, blank ones are dropped on submit.
const toText = (goals: unknown) => (Array.isArray(goals) ? goals.join('\n') : '');
const toLines = (text: string) => (text ?? '').split('\n');
const hasGoal = (goals: unknown) =>
    Array.isArray(goals) && goals.some((goal) => typeof goal === 'string' && goal.trim() !== '')
        ? undefined
        : 'qinglan.forms.goals_required';

/** 成长计划: the mentee's goals (one per line) and the measures to reach them. */
export const GrowthPlanForm = () => (
    <>
        <TextInput
            source="form.goals"
            label="qinglan.forms.goals"
            helperText="qinglan.forms.goals_help"
            format={toText}
            parse={toLines}
            validate={hasGoal}
            multiline
            minRows={3}
            fullWidth
        />
        <TextInput source="form.measures" label="qinglan.forms.measures" multiline minRows={3} fullWidth />
    </>
);

/** Drops blank goal lines and trims the others. */
export const cleanGrowthPlan = (form: Record<string, unknown>) => ({
    ...form,
    goals: (Array.isArray(form.goals) ? form.goals : [])
        .map((goal) => String(goal).trim())
        .filter((goal) => goal !== ''),
});
