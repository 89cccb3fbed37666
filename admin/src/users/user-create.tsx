import { Create, PasswordInput, required, SimpleForm } from 'react-admin';
import { UserInputs } from './user-inputs';

export const UserCreate = () => (
    <Create redirect="show">
        <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ active: true }}>
            <UserInputs />
            <PasswordInput
                source="password"
                validate={required()}
                autoComplete="new-password"
                helperText="qinglan.users.password_help"
            />
        </SimpleForm>
    </Create>
);
