import { Datagrid, List, SelectInput, TextField, TextInput } from 'react-admin';
import { auditResourceChoices } from '../choices';
import { LocaleDateField } from '../common';
import { ActionField, ResourceNameField } from './action-field';

const filters = [
    <TextInput key="username" source="username" alwaysOn />,
    <TextInput key="action" source="action" alwaysOn />,
    <SelectInput key="resource" source="resource" choices={auditResourceChoices} alwaysOn />,
];

export const AuditLogList = () => (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={25} exporter={false}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <LocaleDateField source="at" showTime />
            <TextField source="username" />
            <ActionField source="action" />
            <ResourceNameField source="resource" />
            <TextField source="recordId" />
            <TextField source="ip" sortable={false} />
            <TextField source="requestId" sortable={false} />
        </Datagrid>
    </List>
);
