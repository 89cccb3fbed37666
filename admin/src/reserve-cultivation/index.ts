import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { IntakePage } from './intake-page';

/** 后备干部推选 lives at /reserve-intake: a township's intake this year, per village. */
export default {
    list: IntakePage,
    icon: GroupAddIcon,
};
