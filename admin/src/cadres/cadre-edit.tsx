import { Edit, SimpleForm } from 'react-admin';
import { CadreInputs } from './cadre-inputs';

export const CadreEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <SimpleForm>
            <CadreInputs />
        </SimpleForm>
    </Edit>
);
