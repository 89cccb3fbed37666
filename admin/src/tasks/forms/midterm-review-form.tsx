import { required, TextInput } from 'react-admin';

/** 中期评估: progress so far and the next steps. */
export const MidtermReviewForm = () => (
    <>
        <TextInput
            source="form.progress"
            label="qinglan.forms.progress"
            validate={required()}
            multiline
            minRows={3}
            fullWidth
        />
        <TextInput
            source="form.nextSteps"
            label="qinglan.forms.nextSteps"
            validate={required()}
            multiline
            minRows={3}
            fullWidth
        />
    </>
);
