import GroupsIcon from '@mui/icons-material/Groups';
import type { Cadre } from '../types';
import { CadreCreate } from './cadre-create';
import { CadreEdit } from './cadre-edit';
import { CadreList } from './cadre-list';
import { CadreShow } from './cadre-show';

export { CadreCreate, CadreEdit, CadreList, CadreShow };

export default {
    list: CadreList,
    show: CadreShow,
    edit: CadreEdit,
    create: CadreCreate,
    icon: GroupsIcon,
    recordRepresentation: (record: Cadre) => record.name,
};
