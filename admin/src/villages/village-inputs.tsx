import { required, SelectInput, TextInput } from 'react-admin';
import { areaChoices, villageKindChoices } from '../choices';
import { TownshipReferenceInput } from '../common';

export const VillageInputs = () => (
    <>
        <TextInput source="code" validate={required()} />
        <TextInput source="name" validate={required()} />
        <SelectInput source="kind" choices={villageKindChoices} validate={required()} />
        <SelectInput source="area" choices={areaChoices} validate={required()} />
        <TownshipReferenceInput source="townshipId" validate={required()} />
    </>
);
