import { Edit, SimpleForm } from 'react-admin';
import { TownshipInputs } from './township-inputs';

export const TownshipEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <SimpleForm sx={{ maxWidth: 640 }}>
            <TownshipInputs />
        </SimpleForm>
    </Edit>
);
