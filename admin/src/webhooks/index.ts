import SmartToyIcon from '@mui/icons-material/SmartToy';
import { WebhookCreate } from './webhook-create';
import { WebhookEdit } from './webhook-edit';
import { WebhookList } from './webhook-list';

export { WebhookCreate, WebhookEdit, WebhookList };

export default {
    list: WebhookList,
    edit: WebhookEdit,
    create: WebhookCreate,
    icon: SmartToyIcon,
};
