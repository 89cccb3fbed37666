import { required, TextInput } from 'react-admin';

/** 述职自评: the cadre's report on the year and, optionally, the main achievements. */
export const SelfReportForm = () => (
    <>
        <TextInput
            source="form.summary"
            label="qinglan.forms.report"
            validate={required()}
            multiline
            minRows={4}
            fullWidth
        />
        <TextInput source="form.achievements" label="qinglan.forms.achievements" multiline minRows={2} fullWidth />
    </>
);
