import { useMediaQuery, type Theme } from '@mui/material';
import {
    Datagrid,
    FunctionField,
    List,
    NumberField,
    SimpleList,
    TextField,
    TopToolbar,
    FilterButton,
    usePermissions,
    useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../common';
import { isCountyRole } from '../roles';
import { DueChips } from './due-chips';
import { ReserveExportButton } from './export-button';
import { IN_POOL, reserveFilters } from './reserve-filters';
import { StatusChip, StatusField } from './reserve-status-chip';
import type { Reserve } from './types';

const Actions = () => (
    <TopToolbar>
        <FilterButton />
        <ReserveExportButton />
    </TopToolbar>
);

/** 后备干部人才库: the reserves in the caller's scope, 在库 and 试用期 first shown by default. */
export const ReserveList = () => {
    const { permissions } = usePermissions();
    const translate = useTranslate();
    const county = isCountyRole(permissions);
    const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
    return (
        <List
            filters={reserveFilters(county)}
            filterDefaultValues={{ status: IN_POOL }}
            sort={{ field: 'villageName', order: 'ASC' }}
            perPage={25}
            actions={<Actions />}
            exporter={false}
            className="qinglan-reserve-list"
        >
            {phone ? (
                <SimpleList<Reserve>
                    primaryText={(r) => `${r.name}（${r.age}）`}
                    secondaryText={(r) =>
                        `${county ? `${r.townshipName} · ` : ''}${r.villageName} · ${translate('resources.reserves.fields.mentorName')}：${r.mentorName ?? translate('qinglan.pool.no_mentor')}`
                    }
                    tertiaryText={(r) => <StatusChip status={r.status} />}
                    linkType="show"
                />
            ) : (
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
                    <NumberField source="age" />
                    {county && (
                        <TextField
                            source="townshipName"
                            label="resources.reserves.fields.townshipId"
                            sortable={false}
                        />
                    )}
                    <TextField source="villageName" />
                    <StatusField source="status" label="resources.reserves.fields.status" />
                    <FunctionField<Reserve>
                        source="mentorName"
                        render={(r) => r.mentorName ?? translate('qinglan.pool.no_mentor')}
                    />
                    <LocaleDateField source="enteredOn" />
                    <LocaleDateField source="lastMentorTalk" sortable={false} />
                    <LocaleDateField source="mentorTalkDue" />
                    <LocaleDateField source="agesOutOn" />
                    <DueChips label="qinglan.pool.due" sortable={false} />
                </Datagrid>
            )}
        </List>
    );
};
