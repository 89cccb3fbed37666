import {
    Datagrid,
    DeleteButton,
    EditButton,
    List,
    NumberInput,
    SelectField,
    SelectInput,
    TextField,
    usePermissions,
} from 'react-admin';
import { calendarKindChoices } from '../choices';
import { can } from '../roles';
import { BundledYearsNotice } from './bundled-years-notice';
import { DayField } from './day-field';

const filters = [
    <NumberInput key="year" source="year" alwaysOn min={2000} max={2099} />,
    <SelectInput key="kind" source="kind" choices={calendarKindChoices} />,
];

/** 节假日调整: the days the county declared 放假 or 调休上班 on top of the bundled calendar. */
export const CalendarOverrideList = () => {
    const { permissions } = usePermissions();
    const manage = can(permissions, 'calendar-overrides', 'edit');
    return (
        <>
            <BundledYearsNotice />
            <List filters={filters} sort={{ field: 'day', order: 'ASC' }} perPage={50} exporter={false}>
                <Datagrid rowClick={manage ? 'edit' : false} bulkActionButtons={false}>
                    <DayField source="day" />
                    <SelectField source="kind" choices={calendarKindChoices} />
                    <TextField source="name" />
                    {manage && <EditButton />}
                    {manage && <DeleteButton mutationMode="pessimistic" />}
                </Datagrid>
            </List>
        </>
    );
};
