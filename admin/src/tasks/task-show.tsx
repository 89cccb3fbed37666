import { Box } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import { TaskDecisionForm } from './task-decision-form';
import { TaskOperations } from './task-operations';
import { TaskProcessTimeline } from './task-process-timeline';
import { TaskSummary } from './task-summary';
import type { Task } from './types';

const TaskShowActions = () => (
    <TopToolbar>
        <ListButton label="qinglan.tasks.back_to_inbox" />
    </TopToolbar>
);

const TaskShowLayout = () => {
    const task = useRecordContext<Task>();
    if (!task) return null;
    return (
        <Box
            sx={{
                p: { xs: 1, sm: 2 },
                display: 'grid',
                gap: 2,
                gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
                alignItems: 'start',
            }}
        >
            <Box>
                <TaskSummary task={task} />
                {task.canAct && <TaskDecisionForm key={task.id} task={task} />}
                <TaskOperations task={task} />
            </Box>
            <TaskProcessTimeline processId={task.processId} />
        </Box>
    );
};

/** One task: what is asked, the form and decisions for its assignee, and the process so far. */
export const TaskShow = () => (
    <Show actions={<TaskShowActions />} sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}>
        <TaskShowLayout />
    </Show>
);
