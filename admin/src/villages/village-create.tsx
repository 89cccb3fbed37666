import { Create, SimpleForm } from 'react-admin';
import { VillageInputs } from './village-inputs';

export const VillageCreate = () => (
    <Create redirect="show">
        <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ kind: 'village', area: 'rural' }}>
            <VillageInputs />
        </SimpleForm>
    </Create>
);
