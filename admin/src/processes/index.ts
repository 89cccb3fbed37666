import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { ProcessList } from './process-list';
import { ProcessShow } from './process-show';
import type { Process } from './types';

export { ProcessList, ProcessShow };

export default {
    list: ProcessList,
    show: ProcessShow,
    icon: AccountTreeIcon,
    recordRepresentation: (record: Process) => record.title,
};
