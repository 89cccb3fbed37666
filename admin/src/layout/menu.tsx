import AccountBoxIcon from '@mui/icons-material/AccountBox';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AssignmentIcon from '@mui/icons-material/Assignment';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import HandshakeIcon from '@mui/icons-material/Handshake';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import { Menu, usePermissions } from 'react-admin';
import { can, hasDashboard, isPersonalRole, mayManagePairings, type ResourceName } from '../roles';

// Resources listed under the work entries, each where the role may list it.
const RECORDS: ResourceName[] = [
    'townships',
    'villages',
    'cadres',
    'users',
    'reserves',
    'reserve-gaps',
    'sla-report',
    'reserve-intake',
    'reserve-settings',
    'calendar-overrides',
    'webhooks',
    'audit-log',
];

/** 我的待办, 流程, 年度考核 and 定向考录 for everyone; 发起导师帮带 for the township officer and the county. */
const WorkItems = ({ role }: { role: unknown }) => (
    <>
        <Menu.Item to="/tasks" primaryText="qinglan.menu.tasks" leftIcon={<AssignmentIcon />} />
        <Menu.Item to="/processes" primaryText="qinglan.menu.processes" leftIcon={<AccountTreeIcon />} />
        <Menu.Item to="/annual-assessment" primaryText="qinglan.menu.assessment" leftIcon={<FactCheckIcon />} />
        {can(role, 'targeted-recruitment', 'list') && (
            <Menu.Item
                to="/targeted-recruitment"
                primaryText="resources.targeted-recruitment.name"
                leftIcon={<HowToRegIcon />}
            />
        )}
        {mayManagePairings(role) && (
            <Menu.Item
                to="/mentor-pairing/create"
                primaryText="qinglan.menu.start_pairing"
                leftIcon={<HandshakeIcon />}
            />
        )}
    </>
);

export const AppMenu = () => {
    const { permissions } = usePermissions();
    if (isPersonalRole(permissions)) {
        return (
            <Menu>
                <Menu.Item to="/cadres" primaryText="qinglan.my_record" leftIcon={<AccountBoxIcon />} />
                <WorkItems role={permissions} />
            </Menu>
        );
    }
    return (
        <Menu>
            {hasDashboard(permissions) && <Menu.DashboardItem />}
            <WorkItems role={permissions} />
            {RECORDS.filter((name) => can(permissions, name, 'list')).map((name) => (
                <Menu.ResourceItem key={name} name={name} />
            ))}
        </Menu>
    );
};
