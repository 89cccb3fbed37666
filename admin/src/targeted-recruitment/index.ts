import HowToRegIcon from '@mui/icons-material/HowToReg';
import { CampaignCreate } from './campaign-create';
import { CampaignEdit } from './campaign-edit';
import { CampaignList } from './campaign-list';
import { CampaignShow } from './campaign-show';

export { CampaignCreate, CampaignEdit, CampaignList, CampaignShow };

/** 定向考录 lives at /targeted-recruitment: the county's campaigns, each with its funnel and applicants. */
export default {
    list: CampaignList,
    show: CampaignShow,
    create: CampaignCreate,
    edit: CampaignEdit,
    icon: HowToRegIcon,
};
