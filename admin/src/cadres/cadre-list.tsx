import { BooleanField, Datagrid, List, NumberField, SelectField, TextField, usePermissions } from 'react-admin';
import { educationChoices, genderChoices } from '../choices';
import { isPersonalRole } from '../roles';
import { cadreFilters } from './cadre-filters';
import { FlagChips } from './flag-chips';
import { PositionsChips } from './positions-chips';
import { VillageCell } from './village-cell';

export const CadreList = () => {
    const { permissions } = usePermissions();
    const personal = isPersonalRole(permissions);
    return (
        <List
            title={personal ? 'qinglan.my_record' : undefined}
            filters={personal ? undefined : cadreFilters}
            sort={{ field: 'name', order: 'ASC' }}
            perPage={25}
            exporter={false}
        >
            <Datagrid
                rowClick="show"
                bulkActionButtons={false}
                sx={{
                    '& .RaDatagrid-tableWrapper': { overflowX: 'auto' },
                    '& td, & th': { whiteSpace: 'nowrap' },
                    '& td': { py: 0.75 },
                }}
            >
                <TextField source="name" />
                <SelectField source="gender" choices={genderChoices} />
                <NumberField source="age" />
                <VillageCell source="villageId" />
                <PositionsChips source="positions" sortable={false} />
                <SelectField source="education" choices={educationChoices} />
                <BooleanField source="partyMember" FalseIcon={null} />
                <FlagChips label="qinglan.cadres.flags" sortable={false} />
                <TextField source="idNumber" sortable={false} />
                <TextField source="phone" sortable={false} />
            </Datagrid>
        </List>
    );
};
