import { Alert } from '@mui/material';
import {
    ArrayInput,
    DateInput,
    RadioButtonGroupInput,
    required,
    SelectInput,
    SimpleFormIterator,
    TextInput,
    useTranslate,
} from 'react-admin';
import { CadreInput } from '../../mentor-pairing/cadre-input';
import { filledValues } from './filled-values';
import type { Task } from '../types';

/** 后备干部培养's step forms: naming the mentor, the year's training and placements, 年度考察, 保留或退出. */

const choicesOf = (group: string, ids: readonly string[]) =>
    ids.map((id) => ({ id, name: `qinglan.forms.${group}.${id}` }));

/** 确定导师: the township names a serving cadre, mentor or township official; a refusal says why. */
export const MentorAssignmentForm = ({ task }: { task: Task }) => {
    const refusal = typeof task.context?.refusal === 'string' ? task.context.refusal : undefined;
    return (
        <>
            {refusal && (
                <Alert severity="warning" sx={{ mb: 1 }}>
                    {refusal}
                </Alert>
            )}
            <CadreInput
                source="form.mentorPersonId"
                filter={{}}
                label="qinglan.forms.reserve_mentor"
                helperText="qinglan.forms.reserve_mentor_help"
                validate={required()}
            />
            <TextInput source="form.note" label="qinglan.forms.note" multiline minRows={2} fullWidth />
        </>
    );
};

/** 年度培训与岗位锻炼: the trainings attended and the placements (跟班学习 / 挂职 / 助理) of the year. */
export const TrainingForm = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    return (
        <>
            {task.context?.required === true && (
                <Alert severity="info" sx={{ mb: 1 }}>
                    {translate('qinglan.forms.training_required')}
                </Alert>
            )}
            <ArrayInput source="form.trainings" label="qinglan.forms.trainings">
                <SimpleFormIterator inline disableReordering>
                    <TextInput source="name" label="qinglan.forms.training_name" validate={required()} />
                    <DateInput source="date" label="qinglan.forms.date_of" validate={required()} />
                </SimpleFormIterator>
            </ArrayInput>
            <ArrayInput source="form.placements" label="qinglan.forms.placements">
                <SimpleFormIterator inline disableReordering>
                    <SelectInput
                        source="kind"
                        label="qinglan.forms.placement_kind"
                        choices={choicesOf('placement', ['shadowing', 'secondment', 'assistant'])}
                        validate={required()}
                    />
                    <DateInput source="startedOn" label="qinglan.forms.started_on" validate={required()} />
                    <DateInput source="endedOn" label="qinglan.forms.ended_on" />
                    <TextInput source="note" label="qinglan.forms.note" />
                </SimpleFormIterator>
            </ArrayInput>
        </>
    );
};

export const trainingDefaults = () => ({ trainings: [], placements: [] });

/** Each row without its empty optional fields (结束日期, 备注): the API refuses them as null. */
export const cleanTraining = (form: Record<string, unknown>) => ({
    ...form,
    trainings: ((form.trainings as Record<string, unknown>[] | undefined) ?? []).map(filledValues),
    placements: ((form.placements as Record<string, unknown>[] | undefined) ?? []).map(filledValues),
});

/** A choice of the step's (合格 / 不合格, 保留 / 退出) and the words that go with it, both required. */
const ChoiceWithText = (props: { choice: string; group: string; ids: string[]; text: string }) => (
    <>
        <RadioButtonGroupInput
            source={`form.${props.choice}`}
            label={`qinglan.forms.${props.group}`}
            choices={choicesOf(`${props.group}_choice`, props.ids)}
            validate={required()}
        />
        <TextInput
            source={`form.${props.text}`}
            label={`qinglan.forms.${props.text}`}
            validate={required()}
            multiline
            minRows={3}
            fullWidth
        />
    </>
);

/** 年度考察 (no annual assessment this year): 合格 or 不合格, with what the year showed. */
export const YearlyReviewForm = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    const { trainings, trainingMissing, missedTalks } = task.context as {
        trainings?: number;
        trainingMissing?: boolean;
        missedTalks?: number;
    };
    return (
        <>
            <Alert severity={trainingMissing || (missedTalks ?? 0) > 0 ? 'warning' : 'info'} sx={{ mb: 1 }}>
                {translate('qinglan.forms.year_so_far', { trainings: trainings ?? 0, missed: missedTalks ?? 0 })}
            </Alert>
            <ChoiceWithText choice="result" group="review_result" ids={['pass', 'fail']} text="comment" />
        </>
    );
};

/** 不合格处理: the village keeps the reserve or lets them go, with the reason. */
export const KeepOrExitForm = () => (
    <ChoiceWithText choice="decision" group="keep_or_exit" ids={['keep', 'exit']} text="reason" />
);
