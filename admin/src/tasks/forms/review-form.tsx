import { required, TextInput } from 'react-admin';

/** 评议: the village Party secretary's (or the township's) opinion of the cadre's year. */
export const ReviewForm = () => (
    <TextInput
        source="form.opinion"
        label="qinglan.forms.review_opinion"
        validate={required()}
        multiline
        minRows={3}
        fullWidth
    />
);
