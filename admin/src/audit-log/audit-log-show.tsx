import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocaleDateField } from '../common';
import { ActionField, ResourceNameField } from './action-field';
import { DetailField } from './detail-field';

export const AuditLogShow = () => (
    <Show actions={false}>
        <SimpleShowLayout>
            <LocaleDateField source="at" showTime />
            <TextField source="userId" />
            <TextField source="username" />
            <ActionField source="action" />
            <ResourceNameField source="resource" />
            <TextField source="recordId" />
            <TextField source="ip" />
            <TextField source="requestId" />
            <DetailField source="detail" />
        </SimpleShowLayout>
    </Show>
);
