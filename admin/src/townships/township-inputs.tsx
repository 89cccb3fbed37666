import { required, SelectInput, TextInput } from 'react-admin';
import { townshipKindChoices } from '../choices';

export const TownshipInputs = () => (
    <>
        <TextInput source="code" validate={required()} />
        <TextInput source="name" validate={required()} />
        <SelectInput source="kind" choices={townshipKindChoices} validate={required()} />
    </>
);
