import { BooleanField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { roleChoices } from '../choices';

export const UserShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="username" />
            <TextField source="displayName" />
            <SelectField source="role" choices={roleChoices} />
            <ReferenceField source="townshipId" reference="townships" link="show" emptyText="—" />
            <ReferenceField source="villageId" reference="villages" link="show" emptyText="—" />
            <ReferenceField source="personId" reference="cadres" link="show" emptyText="—" />
            <BooleanField source="active" />
        </SimpleShowLayout>
    </Show>
);
