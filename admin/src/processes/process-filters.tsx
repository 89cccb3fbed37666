import { BooleanInput, SearchInput, SelectInput } from 'react-admin';
import { processStatusChoices } from '../choices';
import { TownshipReferenceInput } from '../common';
import { isCountyRole } from '../roles';
import { ProcessTypeInput } from '../tasks/task-filters';

/** Search, type, status, township (county roles), overdue, waiting on me. */
export const processFilters = (role: unknown) => [
    <SearchInput key="q" source="q" alwaysOn />,
    <ProcessTypeInput key="type" source="type" alwaysOn />,
    <SelectInput key="status" source="status" choices={processStatusChoices} alwaysOn />,
    ...(isCountyRole(role) ? [<TownshipReferenceInput key="townshipId" source="townshipId" alwaysOn />] : []),
    <BooleanInput key="overdue" source="overdue" defaultValue={true} />,
    <BooleanInput key="waitingOnMe" source="waitingOnMe" defaultValue={true} />,
];
