import { BooleanInput, SelectInput } from 'react-admin';
import { taskStatusChoices } from '../choices';
import { TownshipReferenceInput } from '../common';
import { useProcessTypeChoices } from '../processes/use-definitions';
import { isCountyRole } from '../roles';

export const ProcessTypeInput = ({ source }: { source: string; alwaysOn?: boolean }) => (
    <SelectInput source={source} choices={useProcessTypeChoices()} />
);

/** 只看我的待办 (on by default), status, process type, overdue; townships for the county. */
export const taskFilters = (role: unknown) => [
    <BooleanInput key="mine" source="mine" alwaysOn />,
    <SelectInput key="status" source="status" choices={taskStatusChoices} alwaysOn />,
    <BooleanInput key="overdue" source="overdue" defaultValue={true} />,
    <ProcessTypeInput key="processType" source="processType" />,
    ...(isCountyRole(role) ? [<TownshipReferenceInput key="townshipId" source="townshipId" />] : []),
];
