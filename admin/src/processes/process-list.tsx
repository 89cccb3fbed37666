import { useMediaQuery, type Theme } from '@mui/material';
import {
    Datagrid,
    FilterButton,
    List,
    NumberField,
    SimpleList,
    TextField,
    TopToolbar,
    usePermissions,
} from 'react-admin';
import { LocaleDateField } from '../common';
import { BulkPairingButton } from '../mentor-pairing/bulk-pairing-button';
import { StartPairingButton } from '../mentor-pairing/start-pairing-button';
import { mayManagePairings } from '../roles';
import { BulkOperationButton } from './bulk/bulk-operation-button';
import { processFilters } from './process-filters';
import { OverdueTasksField, ProcessStatusChip, ProcessStatusField, ProcessTypeField } from './process-status-chip';
import type { Process } from './types';

const ProcessListActions = () => {
    const { permissions } = usePermissions();
    return (
        <TopToolbar>
            <FilterButton />
            <BulkOperationButton />
            {mayManagePairings(permissions) && (
                <>
                    <StartPairingButton />
                    <BulkPairingButton />
                </>
            )}
        </TopToolbar>
    );
};

const ProcessSimpleList = () => (
    <SimpleList<Process>
        linkType="show"
        primaryText={(record) => record.title}
        secondaryText={(record) => [record.townshipName, record.currentStep].filter(Boolean).join(' · ')}
        tertiaryText={(record) => <ProcessStatusChip status={record.status} />}
    />
);

const ProcessDatagrid = () => (
    <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        sx={{ '& .RaDatagrid-tableWrapper': { overflowX: 'auto' }, '& td': { py: 0.75 } }}
    >
        <TextField source="title" />
        <ProcessTypeField source="type" />
        <ProcessStatusField source="status" />
        <TextField source="townshipName" sortable={false} emptyText="—" />
        <TextField source="subjectName" sortable={false} emptyText="—" />
        <TextField source="currentStep" sortable={false} emptyText="—" />
        <LocaleDateField source="startedAt" showTime />
        <OverdueTasksField source="overdueTasks" />
        <NumberField source="openTasks" sortable={false} />
    </Datagrid>
);

/** 流程: every process in the caller's scope. */
export const ProcessList = () => {
    const { permissions } = usePermissions();
    const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
    return (
        <List
            filters={processFilters(permissions)}
            actions={<ProcessListActions />}
            sort={{ field: 'startedAt', order: 'DESC' }}
            perPage={25}
            exporter={false}
            empty={false}
        >
            {small ? <ProcessSimpleList /> : <ProcessDatagrid />}
        </List>
    );
};
