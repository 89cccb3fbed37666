import { Edit, SimpleForm } from 'react-admin';
import { UserInputs } from './user-inputs';

export const UserEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <SimpleForm sx={{ maxWidth: 640 }}>
            <UserInputs />
        </SimpleForm>
    </Edit>
);
