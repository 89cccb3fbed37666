import AccountBoxIcon from '@mui/icons-material/AccountBox';
import { Menu, usePermissions } from 'react-admin';
import { hasDashboard, isPersonalRole } from '../roles';

export const AppMenu = () => {
    const { permissions } = usePermissions();
    if (isPersonalRole(permissions)) {
        return (
            <Menu>
                <Menu.Item
                    to="/cadres"
                    primaryText="qinglan.my_record"
                    leftIcon={<AccountBoxIcon />}
                />
            </Menu>
        );
    }
    return (
        <Menu>
            {hasDashboard(permissions) && <Menu.DashboardItem />}
            <Menu.ResourceItems />
        </Menu>
    );
};
