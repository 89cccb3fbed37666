import type { Identifier } from 'react-admin';
import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

interface Props {
    source?: string;
    /** Only offer the villages of this township. */
    townshipId?: Identifier | null;
    alwaysOn?: boolean;
    validate?: Validator | Validator[];
    label?: string;
}

/** 413 villages: searched by name, narrowed to a township when one is chosen. */
export const VillageReferenceInput = ({ source = 'villageId', townshipId, validate, label }: Props) => (
    <ReferenceInput
        source={source}
        reference="villages"
        perPage={50}
        sort={{ field: 'code', order: 'ASC' }}
        filter={townshipId ? { townshipId } : {}}
    >
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={validate} label={label} />
    </ReferenceInput>
);
