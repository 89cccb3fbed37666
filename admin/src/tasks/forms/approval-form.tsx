import { TextInput } from 'react-admin';

/** 审批: nothing to fill in but an optional 意见. */
export const ApprovalForm = () => (
    <TextInput source="form.opinion" label="qinglan.forms.opinion" multiline minRows={2} fullWidth />
);
