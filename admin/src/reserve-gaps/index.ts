import InsightsIcon from '@mui/icons-material/Insights';
import { GapPage } from './gap-page';

/** 后备干部缺口 lives at /reserve-gaps: the county's townships, or the officer's own. */
export default {
    list: GapPage,
    icon: InsightsIcon,
};
