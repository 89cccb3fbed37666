import { DateInput, required, TextInput } from 'react-admin';
import { exchangeDefaults } from './exchange-form';

export const reminderTalkDefaults = exchangeDefaults;

/** 提醒谈话: when the township's Party secretary talked with the cadre, and what was said. */
export const ReminderTalkForm = () => (
    <>
        <DateInput source="form.date" label="qinglan.forms.talk_date" validate={required()} />
        <TextInput
            source="form.content"
            label="qinglan.forms.talk_content"
            validate={required()}
            multiline
            minRows={4}
            fullWidth
        />
    </>
);
