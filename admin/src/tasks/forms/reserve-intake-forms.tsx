import { Alert } from '@mui/material';
import { ArrayInput, required, SelectInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import type { Task } from '../types';

/** 后备干部推选's step forms: the village's confirmation, the reviews that send people back, 考察. */

interface Person {
    personId: number;
    name: string;
    village?: string;
}

const peopleIn = (task: Pick<Task, 'context'>, key: string): Person[] => {
    const list = task.context?.[key];
    return Array.isArray(list) ? (list as Person[]) : [];
};

/**
 * 村级推荐确认: the village confirms what it nominated; fewer than the county's minimum needs
 * the reason (the step comes back asking for it when it is missing).
 */
export const VillageNominationsForm = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    const { minimum, nominated, shortfall } = task.context as {
        minimum?: number;
        nominated?: number;
        shortfall?: boolean;
    };
    const short = typeof minimum === 'number' && typeof nominated === 'number' && nominated < minimum;
    return (
        <>
            {short && (
                <Alert severity={shortfall ? 'warning' : 'info'} sx={{ mb: 1 }}>
                    {translate('qinglan.forms.nominations_short', { nominated, minimum })}
                </Alert>
            )}
            <TextInput
                source="form.shortfallReason"
                label="qinglan.forms.shortfall_reason"
                validate={short ? required() : undefined}
                multiline
                minRows={2}
                fullWidth
            />
            <TextInput source="form.note" label="qinglan.forms.note" multiline minRows={2} fullWidth />
        </>
    );
};

/**
 * A review that passes the list but for the people sent back, each with a reason: 资格初审 and
 * 资格审查 list `nominees` and fill `rejected`; 县级联审 lists `candidates` and fills `returned`.
 */
const sendBackForm =
    (listed: 'nominees' | 'candidates', field: 'rejected' | 'returned', label: string) =>
    ({ task }: { task: Task }) => {
        const people = peopleIn(task, listed);
        const choices = people.map((p) => ({ id: p.personId, name: p.village ? `${p.name}（${p.village}）` : p.name }));
        return (
            <>
                <ArrayInput source={`form.${field}`} label={label}>
                    <SimpleFormIterator inline disableReordering>
                        <SelectInput
                            source="personId"
                            label="qinglan.forms.review_applicant"
                            choices={choices}
                            validate={required()}
                        />
                        <TextInput source="reason" label="qinglan.forms.review_reason" validate={required()} />
                    </SimpleFormIterator>
                </ArrayInput>
                <TextInput source="form.opinion" label="qinglan.forms.opinion" multiline minRows={2} fullWidth />
            </>
        );
    };

/** 资格初审 / 资格审查: everyone listed passes unless named here with the reason. */
export const QualificationReviewForm = sendBackForm('nominees', 'rejected', 'qinglan.forms.qualification_rejected');

/** 县级联审: the list is approved but for the people returned, each with a reason. */
export const PoolCountyReviewForm = sendBackForm('candidates', 'returned', 'qinglan.forms.county_returned');

/** 考察: the findings; a failure's findings are its reason. */
export const FindingsForm = () => (
    <TextInput
        source="form.findings"
        label="qinglan.forms.findings"
        validate={required()}
        multiline
        minRows={3}
        fullWidth
    />
);
