import { Chip } from '@mui/material';
import { AppBar, TitlePortal, useGetIdentity, useTranslate } from 'react-admin';
import { NotificationBell } from '../notifications';
import { AppTitle } from './app-title';

const RoleChip = () => {
    const { identity } = useGetIdentity();
    const translate = useTranslate();
    if (!identity?.role) return null;
    return (
        <Chip
            size="small"
            label={translate(`qinglan.roles.${identity.role}`, { _: identity.role })}
            sx={{
                color: 'inherit',
                borderColor: 'currentColor',
                mr: 1,
                display: { xs: 'none', sm: 'inline-flex' },
            }}
            variant="outlined"
        />
    );
};

export const QinglanAppBar = () => (
    <AppBar>
        <AppTitle />
        <TitlePortal />
        <RoleChip />
        <NotificationBell />
    </AppBar>
);
