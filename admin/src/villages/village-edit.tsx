import { Edit, SimpleForm } from 'react-admin';
import { VillageInputs } from './village-inputs';

export const VillageEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <SimpleForm sx={{ maxWidth: 640 }}>
            <VillageInputs />
        </SimpleForm>
    </Edit>
);
