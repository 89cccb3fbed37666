import {
    AutocompleteInput,
    BooleanInput,
    ReferenceInput,
    SearchInput,
    SelectArrayInput,
    useListContext,
} from 'react-admin';
import { TownshipReferenceInput, VillageReferenceInput } from '../common';
import { RESERVE_STATUSES } from './types';

/** 试用期 and 在库: who counts as a reserve, what the list shows first. */
export const IN_POOL = ['trial', 'in_pool'];

export const statusChoices = RESERVE_STATUSES.map((id) => ({ id, name: `qinglan.pool.status.${id}` }));

/** Village filter narrowed to the township chosen in the township filter. */
const VillageFilterInput = ({ source }: { source: string; alwaysOn?: boolean }) => {
    const { filterValues } = useListContext();
    return <VillageReferenceInput source={source} townshipId={filterValues?.townshipId} />;
};

/** Mentors (导师) of the township chosen, searched by name. */
const MentorFilterInput = ({ source }: { source: string; alwaysOn?: boolean }) => {
    const { filterValues } = useListContext();
    return (
        <ReferenceInput
            source={source}
            reference="cadres"
            perPage={50}
            sort={{ field: 'name', order: 'ASC' }}
            filter={{ isMentor: true, ...(filterValues?.townshipId ? { townshipId: filterValues.townshipId } : {}) }}
        >
            <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>
    );
};

/** The county sees the township filter; a township or village sees only its own anyway. */
export const reserveFilters = (county: boolean) => [
    <SearchInput key="q" source="q" alwaysOn />,
    ...(county ? [<TownshipReferenceInput key="townshipId" source="townshipId" alwaysOn />] : []),
    <VillageFilterInput key="villageId" source="villageId" alwaysOn />,
    <SelectArrayInput key="status" source="status" choices={statusChoices} alwaysOn sx={{ minWidth: 160 }} />,
    <MentorFilterInput key="mentorPersonId" source="mentorPersonId" />,
    <BooleanInput key="hasMentor" source="hasMentor" defaultValue={false} />,
    <BooleanInput key="talksOverdue" source="talksOverdue" defaultValue={true} />,
    <BooleanInput key="ageingOut" source="ageingOut" defaultValue={true} />,
];
