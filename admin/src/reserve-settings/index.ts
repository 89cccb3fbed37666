import TuneIcon from '@mui/icons-material/Tune';
import { SettingsPage } from './settings-page';

/** 后备干部规则 lives at /reserve-settings: read by all, changed by the county admin. */
export default {
    list: SettingsPage,
    icon: TuneIcon,
};
