import { Edit, SimpleForm } from 'react-admin';
import { WebhookInputs } from './webhook-inputs';

export const WebhookEdit = () => (
    <Edit mutationMode="pessimistic" redirect="list">
        <SimpleForm sx={{ maxWidth: 640 }}>
            <WebhookInputs edit />
        </SimpleForm>
    </Edit>
);
