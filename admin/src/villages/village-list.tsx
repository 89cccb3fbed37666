import {
    Datagrid,
    EditButton,
    List,
    NumberField,
    ReferenceField,
    SearchInput,
    SelectField,
    SelectInput,
    TextField,
} from 'react-admin';
import { areaChoices, villageKindChoices } from '../choices';
import { TownshipReferenceInput } from '../common';

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <TownshipReferenceInput key="townshipId" source="townshipId" alwaysOn />,
    <SelectInput key="kind" source="kind" choices={villageKindChoices} />,
    <SelectInput key="area" source="area" choices={areaChoices} />,
];

export const VillageList = () => (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} exporter={false}>
        <Datagrid rowClick="show">
            <TextField source="code" />
            <TextField source="name" />
            <SelectField source="kind" choices={villageKindChoices} />
            <SelectField source="area" choices={areaChoices} />
            <ReferenceField source="townshipId" reference="townships" link="show" />
            <NumberField source="cadreCount" />
            <EditButton />
        </Datagrid>
    </List>
);
