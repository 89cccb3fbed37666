import { Edit, SimpleForm } from 'react-admin';
import { CalendarOverrideInputs } from './calendar-override-inputs';

export const CalendarOverrideEdit = () => (
    <Edit mutationMode="pessimistic" redirect="list">
        <SimpleForm sx={{ maxWidth: 480 }}>
            <CalendarOverrideInputs edit />
        </SimpleForm>
    </Edit>
);
