import { NumberField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { townshipKindChoices } from '../choices';

export const TownshipShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="code" />
            <TextField source="name" />
            <SelectField source="kind" choices={townshipKindChoices} />
            <NumberField source="villageCount" />
            <NumberField source="cadreCount" />
        </SimpleShowLayout>
    </Show>
);
