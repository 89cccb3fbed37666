import { BooleanInput, SearchInput, SelectInput, useListContext } from 'react-admin';
import { educationChoices, genderChoices } from '../choices';
import { TownshipReferenceInput, VillageReferenceInput } from '../common';

/** Village filter narrowed to the township chosen in the township filter. */
const VillageFilterInput = ({ source }: { source: string; alwaysOn?: boolean }) => {
    const { filterValues } = useListContext();
    return <VillageReferenceInput source={source} townshipId={filterValues?.townshipId} />;
};

export const cadreFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <TownshipReferenceInput key="townshipId" source="townshipId" alwaysOn />,
    <VillageFilterInput key="villageId" source="villageId" alwaysOn />,
    <SelectInput key="gender" source="gender" choices={genderChoices} />,
    <SelectInput key="education" source="education" choices={educationChoices} />,
    <BooleanInput key="partyMember" source="partyMember" defaultValue={true} />,
    <BooleanInput key="newlyElected" source="newlyElected" defaultValue={true} />,
    <BooleanInput key="isMentor" source="isMentor" defaultValue={true} />,
    <BooleanInput key="isReserve" source="isReserve" defaultValue={true} />,
];
