import EventIcon from '@mui/icons-material/Event';
import { CalendarOverrideCreate } from './calendar-override-create';
import { CalendarOverrideEdit } from './calendar-override-edit';
import { CalendarOverrideList } from './calendar-override-list';

export { CalendarOverrideCreate, CalendarOverrideEdit, CalendarOverrideList };

export default {
    list: CalendarOverrideList,
    edit: CalendarOverrideEdit,
    create: CalendarOverrideCreate,
    icon: EventIcon,
    recordRepresentation: (record: { id: number; day: string; name: string }) => `${record.day} ${record.name}`,
};
