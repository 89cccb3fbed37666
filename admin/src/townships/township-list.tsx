import { Datagrid, EditButton, List, NumberField, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { townshipKindChoices } from '../choices';

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="kind" source="kind" choices={townshipKindChoices} />,
];

export const TownshipList = () => (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} exporter={false}>
        <Datagrid rowClick="show">
            <TextField source="code" />
            <TextField source="name" />
            <SelectField source="kind" choices={townshipKindChoices} />
            <NumberField source="villageCount" />
            <NumberField source="cadreCount" />
            <EditButton />
        </Datagrid>
    </List>
);
