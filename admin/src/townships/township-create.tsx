import { Create, SimpleForm } from 'react-admin';
import { TownshipInputs } from './township-inputs';

export const TownshipCreate = () => (
    <Create redirect="show">
        <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ kind: 'township' }}>
            <TownshipInputs />
        </SimpleForm>
    </Create>
);
