import CottageIcon from '@mui/icons-material/Cottage';
import type { Village } from '../types';
import { VillageCreate } from './village-create';
import { VillageEdit } from './village-edit';
import { VillageList } from './village-list';
import { VillageShow } from './village-show';

export { VillageCreate, VillageEdit, VillageList, VillageShow };

export default {
    list: VillageList,
    show: VillageShow,
    edit: VillageEdit,
    create: VillageCreate,
    icon: CottageIcon,
    recordRepresentation: (record: Village) => record.name,
};
