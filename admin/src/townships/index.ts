import LocationCityIcon from '@mui/icons-material/LocationCity';
import type { Township } from '../types';
import { TownshipCreate } from './township-create';
import { TownshipEdit } from './township-edit';
import { TownshipList } from './township-list';
import { TownshipShow } from './township-show';

export { TownshipCreate, TownshipEdit, TownshipList, TownshipShow };

export default {
    list: TownshipList,
    show: TownshipShow,
    edit: TownshipEdit,
    create: TownshipCreate,
    icon: LocationCityIcon,
    recordRepresentation: (record: Township) => record.name,
};
