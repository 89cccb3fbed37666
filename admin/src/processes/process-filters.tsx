import {
    AutocompleteInput,
    BooleanInput,
    DateInput,
    ReferenceInput,
    SearchInput,
    SelectInput,
    useListContext,
    useLocaleState,
} from 'react-admin';
import { processStatusChoices } from '../choices';
import { TownshipReferenceInput, VillageReferenceInput } from '../common';
import { isCountyRole } from '../roles';
import { ProcessTypeInput } from '../tasks/task-filters';
import { useProcessDefinitions } from './use-definitions';

/** The human steps of the chosen type, or of every type (named with their type) when none is chosen. */
const CurrentStepInput = ({ source }: { source: string; alwaysOn?: boolean }) => {
    const { filterValues } = useListContext();
    const [locale] = useLocaleState();
    const definitions = useProcessDefinitions() ?? [];
    const chosen = definitions.filter((d) => !filterValues.type || d.type === filterValues.type);
    const seen = new Set<string>();
    const choices = chosen.flatMap((d) =>
        d.steps
            .filter((s) => s.role !== null && !seen.has(s.key) && seen.add(s.key))
            .map((s) => {
                const step = locale === 'en' ? s.nameEn : s.name;
                const type = locale === 'en' ? d.nameEn : d.name;
                return { id: s.key, name: chosen.length > 1 ? `${type} · ${step}` : step };
            }),
    );
    return <SelectInput source={source} choices={choices} />;
};

const UserInput = ({ source }: { source: string; alwaysOn?: boolean }) => (
    <ReferenceInput source={source} reference="users" perPage={25} sort={{ field: 'username', order: 'ASC' }}>
        <AutocompleteInput optionText="displayName" filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>
);

const PersonInput = ({ source }: { source: string; alwaysOn?: boolean }) => (
    <ReferenceInput source={source} reference="cadres" perPage={25} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>
);

/** Villages of the township chosen in the filter (the officer's own for an officer: the server scopes them). */
const VillageFilterInput = ({ source }: { source: string; alwaysOn?: boolean }) => {
    const { filterValues } = useListContext();
    return <VillageReferenceInput source={source} townshipId={filterValues.townshipId} />;
};

/**
 * 流程 filters, kept in the address (react-admin writes them to `?filter=`), so a filtered list
 * is a link to share. Search, type, status and the county's township show at once; the rest
 * are added from 筛选.
 */
export const processFilters = (role: unknown) => [
    <SearchInput key="q" source="q" alwaysOn />,
    <ProcessTypeInput key="type" source="type" alwaysOn />,
    <SelectInput key="status" source="status" choices={processStatusChoices} alwaysOn />,
    ...(isCountyRole(role) ? [<TownshipReferenceInput key="townshipId" source="townshipId" alwaysOn />] : []),
    <CurrentStepInput key="currentStep" source="currentStep" />,
    <VillageFilterInput key="villageId" source="villageId" />,
    <DateInput key="startedFrom" source="startedFrom" />,
    <DateInput key="startedTo" source="startedTo" />,
    <UserInput key="startedBy" source="startedBy" />,
    <PersonInput key="subjectPersonId" source="subjectPersonId" />,
    <BooleanInput key="overdue" source="overdue" defaultValue={true} />,
    <BooleanInput key="waitingOnMe" source="waitingOnMe" defaultValue={true} />,
    <UserInput key="waitingOnUserId" source="waitingOnUserId" />,
];
