import {
    BooleanField,
    Datagrid,
    EditButton,
    List,
    ReferenceField,
    SearchInput,
    SelectField,
    SelectInput,
    TextField,
} from 'react-admin';
import { roleChoices } from '../choices';
import { TownshipReferenceInput } from '../common';

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="role" source="role" choices={roleChoices} />,
    <TownshipReferenceInput key="townshipId" source="townshipId" />,
];

export const UserList = () => (
    <List filters={filters} sort={{ field: 'username', order: 'ASC' }} perPage={25} exporter={false}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="username" />
            <TextField source="displayName" />
            <SelectField source="role" choices={roleChoices} />
            <ReferenceField source="townshipId" reference="townships" link={false} emptyText="—" />
            <ReferenceField source="villageId" reference="villages" link={false} emptyText="—" />
            <BooleanField source="active" />
            <EditButton />
        </Datagrid>
    </List>
);
