import { BooleanField, NumberField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { areaChoices, villageKindChoices } from '../choices';

export const VillageShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="code" />
            <TextField source="name" />
            <SelectField source="kind" choices={villageKindChoices} />
            <SelectField source="area" choices={areaChoices} />
            <ReferenceField source="townshipId" reference="townships" link="show" />
            <NumberField source="cadreCount" />
            <BooleanField source="relaxedAgeLimit" />
        </SimpleShowLayout>
    </Show>
);
