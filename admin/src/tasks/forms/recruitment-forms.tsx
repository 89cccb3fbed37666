import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { ArrayInput, required, SelectInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import type { Task } from '../types';

/** 定向考录's step forms: the township's recommendation, the county's review, 体检/考察 and 试用期满考核. */

const Opinion = ({ source, label }: { source: string; label: string }) => (
    <TextInput source={`form.${source}`} label={label} validate={required()} multiline minRows={3} fullWidth />
);

/** 乡镇党委推荐: the opinion is the reason when the township does not recommend. */
export const RecommendationForm = () => <Opinion source="opinion" label="qinglan.forms.recommendation_opinion" />;

/** 体检与考察: the findings; a failure's findings are its reason, and the next in rank moves up. */
export const InspectionForm = () => <Opinion source="findings" label="qinglan.forms.inspection_findings" />;

/** 试用期满考核: 转正 or not, with the findings. */
export const ProbationReviewForm = () => <Opinion source="findings" label="qinglan.forms.probation_findings" />;

interface ReviewedApplicant {
    applicationId: number;
    name: string;
    reasons: string[];
}

const reviewedOf = (task: Pick<Task, 'context'>): ReviewedApplicant[] =>
    Array.isArray(task.context?.applicants) ? (task.context.applicants as ReviewedApplicant[]) : [];

/**
 * 资格复审 and 部务会: the recommended applicants with what the records say of each (三龄两历);
 * those the records refuse are refused whatever is chosen here. The county may refuse others,
 * each with a reason; the rest of the list is approved.
 */
export const CountyReviewForm = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    const applicants = reviewedOf(task);
    return (
        <>
            <Typography variant="subtitle2">{translate('qinglan.forms.review_list')}</Typography>
            <List dense className="qinglan-county-review-list">
                {applicants.map((a) => (
                    <ListItem key={a.applicationId} data-application={a.applicationId} sx={{ px: 0 }}>
                        <ListItemText
                            primary={a.name}
                            secondary={
                                a.reasons.length === 0
                                    ? translate('qinglan.forms.review_records_ok')
                                    : a.reasons.join('；')
                            }
                            slotProps={{ secondary: { color: a.reasons.length ? 'error' : 'text.secondary' } }}
                        />
                    </ListItem>
                ))}
            </List>
            <Box sx={{ mt: 1 }}>
                <ArrayInput source="form.disqualified" label="qinglan.forms.review_disqualified">
                    <SimpleFormIterator inline disableReordering>
                        <SelectInput
                            source="applicationId"
                            label="qinglan.forms.review_applicant"
                            choices={applicants.map((a) => ({ id: a.applicationId, name: a.name }))}
                            validate={required()}
                        />
                        <TextInput source="reason" label="qinglan.forms.review_reason" validate={required()} />
                    </SimpleFormIterator>
                </ArrayInput>
            </Box>
            <TextInput source="form.opinion" label="qinglan.forms.review_meeting" multiline minRows={2} fullWidth />
        </>
    );
};
