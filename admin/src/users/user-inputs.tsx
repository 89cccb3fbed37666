import {
    AutocompleteInput,
    BooleanInput,
    FormDataConsumer,
    ReferenceInput,
    required,
    SelectInput,
    TextInput,
    type Identifier,
} from 'react-admin';
import { roleChoices } from '../choices';
import { TownshipReferenceInput, VillageReferenceInput } from '../common';

export const UserInputs = () => (
    <>
        <TextInput source="username" validate={required()} autoComplete="off" />
        <TextInput source="displayName" validate={required()} />
        <SelectInput source="role" choices={roleChoices} validate={required()} />
        <TownshipReferenceInput source="townshipId" />
        <FormDataConsumer<{ townshipId?: Identifier }>>
            {({ formData }) => <VillageReferenceInput source="villageId" townshipId={formData.townshipId} />}
        </FormDataConsumer>
        <ReferenceInput source="personId" reference="cadres" perPage={25} sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput
                optionText="name"
                filterToQuery={(q: string) => ({ q })}
                helperText="qinglan.users.person_help"
            />
        </ReferenceInput>
        <BooleanInput source="active" />
    </>
);
