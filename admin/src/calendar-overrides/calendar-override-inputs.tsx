import { DateInput, required, SelectInput, TextInput } from 'react-admin';
import { calendarKindChoices } from '../choices';

/**
 * The day (the key: fixed once saved), 放假 or 调休上班, and the holiday's name; when adding,
 * an optional last day enters a whole run of days off at once.
 */
export const CalendarOverrideInputs = ({ edit = false }: { edit?: boolean }) => (
    <>
        <DateInput source="day" validate={required()} disabled={edit} />
        {!edit && <DateInput source="until" helperText="qinglan.calendar.until_hint" />}
        <SelectInput source="kind" choices={calendarKindChoices} validate={required()} />
        <TextInput source="name" validate={required()} helperText="qinglan.calendar.name_hint" />
    </>
);
