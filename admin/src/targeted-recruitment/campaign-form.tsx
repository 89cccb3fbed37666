import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
    ArrayInput,
    BooleanInput,
    CheckboxGroupInput,
    NumberInput,
    SelectInput,
    SimpleForm,
    SimpleFormIterator,
    TextInput,
    required,
    useTranslate,
} from 'react-admin';
import { educationChoices } from '../choices';

const R = 'qinglan.recruitment.rules';
const postChoices = ['secretary', 'director', 'deputy', 'liaison_officer'].map((id) => ({
    id,
    name: `qinglan.recruitment.post.${id}`,
}));
const kindChoices = ['civil_service', 'public_institution'].map((id) => ({
    id,
    name: `qinglan.recruitment.kind.${id}`,
}));

const Group = ({ title, children }: { title: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Box sx={{ width: '100%', mt: 2 }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                {translate(title)}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, '& .ra-input': { minWidth: 160 } }}>
                {children}
            </Box>
        </Box>
    );
};

const num = (source: string, min: number, max: number) => (
    <NumberInput
        key={source}
        fullWidth={false}
        source={`rules.${source}`}
        label={`${R}.${source}`}
        min={min}
        max={max}
        validate={required()}
    />
);

/** The rules of a campaign (报考条件, 日程, 成绩, 录用): every figure the county may change. */
export const RulesInputs = () => (
    <>
        <Group title="qinglan.recruitment.section_eligibility">
            <CheckboxGroupInput source="rules.eligiblePosts" label={`${R}.eligiblePosts`} choices={postChoices} />
            {num('yearsInPost.general', 0, 20)}
            {num('yearsInPost.secretaryOrDirector', 0, 20)}
            {num('ageLimit', 18, 70)}
            {num('relaxedAgeLimit', 18, 70)}
            <SelectInput
                source="rules.minimumEducation"
                fullWidth={false}
                label={`${R}.minimumEducation`}
                choices={educationChoices}
                validate={required()}
            />
            {num('assessmentYears', 0, 10)}
            <BooleanInput source="rules.disqualifyDisciplinaryPeriod" label={`${R}.disqualifyDisciplinaryPeriod`} />
            <BooleanInput source="rules.disqualifyInvestigation" label={`${R}.disqualifyInvestigation`} />
        </Group>
        <Group title="qinglan.recruitment.section_dates">
            {num('applicationDays', 1, 60)}
            {num('qualifiedNoticeWorkingDays', 1, 30)}
            {num('hireNoticeDays', 1, 30)}
        </Group>
        <Group title="qinglan.recruitment.section_scores">
            {num('passMarks.written', 0, 100)}
            {num('passMarks.interview', 0, 100)}
            {num('shortlistRatio', 1, 10)}
            {num('writtenWeightPercent', 0, 100)}
            {num('bonusPoints.county', 0, 20)}
            {num('bonusPoints.prefecture', 0, 20)}
        </Group>
        <Group title="qinglan.recruitment.section_hire">
            {num('probationMonths.civilService', 1, 24)}
            {num('probationMonths.publicInstitution', 1, 6)}
            {num('minimumServiceYears', 0, 20)}
        </Group>
    </>
);

/** Year, title and the positions with their places (招录职位及名额): a draft's to change, fixed once published. */
export const PlanInputs = () => (
    <>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
            <NumberInput source="year" label="qinglan.recruitment.year" validate={required()} min={2000} max={2100} />
            <TextInput source="title" label="qinglan.recruitment.campaign_title" sx={{ minWidth: 280 }} />
        </Box>
        <ArrayInput source="positions" label="qinglan.recruitment.positions" validate={required()}>
            <SimpleFormIterator inline disableReordering>
                <SelectInput
                    source="kind"
                    label="qinglan.recruitment.kind_label"
                    choices={kindChoices}
                    validate={required()}
                />
                <TextInput source="name" label="qinglan.recruitment.position_name" validate={required()} />
                <NumberInput source="places" label="qinglan.recruitment.places" min={1} validate={required()} />
            </SimpleFormIterator>
        </ArrayInput>
    </>
);

export type SubmitErrors = Record<string, string> | undefined;

export const CampaignForm = ({
    defaultValues,
    onSubmit,
    children,
}: {
    defaultValues: Record<string, unknown>;
    onSubmit: (values: Record<string, unknown>) => Promise<SubmitErrors>;
    children: ReactNode;
}) => (
    <SimpleForm
        defaultValues={defaultValues}
        onSubmit={onSubmit as (values: Record<string, unknown>) => Promise<void>}
        className="qinglan-campaign-form"
    >
        {children}
    </SimpleForm>
);
