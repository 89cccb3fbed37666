import { required, TextInput } from 'react-admin';

/** 期满自评: the mentee's summary of the term. */
export const SelfEvaluationForm = () => (
    <TextInput
        source="form.summary"
        label="qinglan.forms.summary"
        validate={required()}
        multiline
        minRows={4}
        fullWidth
    />
);
