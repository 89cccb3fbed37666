import AssignmentIcon from '@mui/icons-material/Assignment';
import { TaskList } from './task-list';
import { TaskShow } from './task-show';
import type { Task } from './types';

export { TaskList, TaskShow };
export type { Task } from './types';

export default {
    list: TaskList,
    show: TaskShow,
    icon: AssignmentIcon,
    recordRepresentation: (record: Task) => record.stepName,
};
