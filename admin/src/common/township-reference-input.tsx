import { ReferenceInput, SelectInput, type Validator } from 'react-admin';

interface Props {
    source?: string;
    alwaysOn?: boolean;
    validate?: Validator | Validator[];
    label?: string;
}

/** A county has ~28 townships: a plain select holds them all. */
export const TownshipReferenceInput = ({ source = 'townshipId', validate, label }: Props) => (
    <ReferenceInput source={source} reference="townships" perPage={100} sort={{ field: 'code', order: 'ASC' }}>
        <SelectInput optionText="name" validate={validate} label={label} />
    </ReferenceInput>
);
