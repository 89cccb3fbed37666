import { Create, SimpleForm } from 'react-admin';
import { CalendarOverrideInputs } from './calendar-override-inputs';

export const CalendarOverrideCreate = () => (
    <Create redirect="list">
        <SimpleForm sx={{ maxWidth: 480 }} defaultValues={{ kind: 'holiday' }}>
            <CalendarOverrideInputs />
        </SimpleForm>
    </Create>
);
