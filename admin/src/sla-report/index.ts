import TimerIcon from '@mui/icons-material/Timer';
import { SlaPage } from './sla-page';

/** 时效报表 lives at /sla-report: the county's townships, or the township's own. */
export default {
    list: SlaPage,
    icon: TimerIcon,
};
