import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { User } from '../types';
import { UserCreate } from './user-create';
import { UserEdit } from './user-edit';
import { UserList } from './user-list';
import { UserShow } from './user-show';

export { UserCreate, UserEdit, UserList, UserShow };

export default {
    list: UserList,
    show: UserShow,
    edit: UserEdit,
    create: UserCreate,
    icon: ManageAccountsIcon,
    recordRepresentation: (record: User) => record.displayName || record.username,
};
