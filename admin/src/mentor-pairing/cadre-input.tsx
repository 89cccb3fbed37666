import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';
import type { Cadre } from '../types';

interface CadreInputProps {
    source: string;
    /** e.g. { newlyElected: true } or { isMentor: true } */
    filter: Record<string, unknown>;
    label: string;
    validate?: Validator | Validator[];
    helperText?: string;
}

// Names repeat across a county: the village tells them apart.
const optionText = (cadre: Cadre & { villageName?: string }) =>
    cadre.villageName ? `${cadre.name}（${cadre.villageName}）` : cadre.name;

/** A cadre within the caller's scope, searched by name. */
export const CadreInput = ({ source, filter, label, validate, helperText }: CadreInputProps) => (
    <ReferenceInput
        source={source}
        reference="cadres"
        filter={filter}
        perPage={25}
        sort={{ field: 'name', order: 'ASC' }}
    >
        <AutocompleteInput
            optionText={optionText}
            filterToQuery={(q: string) => ({ q })}
            label={label}
            validate={validate}
            helperText={helperText}
            fullWidth
        />
    </ReferenceInput>
);
