import { useMediaQuery, type Theme } from '@mui/material';
import {
    Datagrid,
    List,
    SimpleList,
    TextField,
    useListContext,
    usePermissions,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { LocaleDateField } from '../common';
import { AssigneeField } from './assignee-field';
import { BatchApproveButton, PhoneBatchApproveButton, batchApprovable } from './batch-approve-button';
import { DueDate, DueField } from './due-field';
import { taskFilters } from './task-filters';
import { TaskStatusField } from './task-status-chip';
import type { Task } from './types';

const overdueRow = (record: RaRecord) => (record.overdue ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : {});

/** 我的待办 while only the caller's open tasks are shown, else 待办. */
const TaskListTitle = () => {
    const translate = useTranslate();
    const { filterValues } = useListContext();
    return <>{translate(filterValues?.mine ? 'qinglan.tasks.inbox' : 'qinglan.tasks.all')}</>;
};

const TaskSimpleList = () => (
    <>
        <PhoneBatchApproveButton />
        <SimpleList<Task>
            linkType="show"
            primaryText={(record) => record.stepName}
            secondaryText={(record) => record.processTitle}
            tertiaryText={(record) => <DueDate task={record} />}
            rowSx={overdueRow}
            className="qinglan-task-simple-list"
        />
    </>
);

const TaskDatagrid = () => (
    <Datagrid
        rowClick="show"
        bulkActionButtons={<BatchApproveButton />}
        isRowSelectable={batchApprovable}
        rowSx={overdueRow}
        sx={{ '& .RaDatagrid-tableWrapper': { overflowX: 'auto' }, '& td': { py: 0.75 } }}
    >
        <TextField source="stepName" sx={{ fontWeight: 600 }} />
        <TextField source="processTitle" sortable={false} />
        <AssigneeField source="assigneeName" sortable={false} />
        <DueField source="dueAt" />
        <TaskStatusField source="status" />
        <LocaleDateField source="createdAt" showTime />
    </Datagrid>
);

/** The inbox: the caller's open tasks first, or every task in their scope. */
export const TaskList = () => {
    const { permissions } = usePermissions();
    const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
    return (
        <List
            title={<TaskListTitle />}
            filters={taskFilters(permissions)}
            filterDefaultValues={{ mine: true }}
            sort={{ field: 'dueAt', order: 'ASC' }}
            perPage={25}
            exporter={false}
            empty={false}
        >
            {small ? <TaskSimpleList /> : <TaskDatagrid />}
        </List>
    );
};
