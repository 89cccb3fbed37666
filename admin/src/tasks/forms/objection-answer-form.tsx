import { required, TextInput } from 'react-admin';

/** 异议答复: the township's answer to an objection; 采纳 (upheld) or 不予采纳 (dismissed). */
export const ObjectionAnswerForm = () => (
    <TextInput
        source="form.answer"
        label="qinglan.forms.answer"
        validate={required()}
        multiline
        minRows={3}
        fullWidth
    />
);
