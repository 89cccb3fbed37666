import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Popover, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { NotificationList } from './notification-list';
import { useUnreadCount } from './use-unread-count';

/** The bell in the app bar: the unread count, and the latest notifications on click. */
export const NotificationBell = () => {
    const translate = useTranslate();
    const { count, refetch } = useUnreadCount();
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const label = translate('qinglan.notifications.title');
    return (
        <>
            <Tooltip title={label}>
                <IconButton
                    color="inherit"
                    aria-label={label}
                    className="qinglan-bell"
                    onClick={event => {
                        setAnchor(event.currentTarget);
                        refetch();
                    }}
                >
                    <Badge badgeContent={count} color="error" max={99} className="qinglan-bell-count" data-count={count}>
                        <NotificationsIcon />
                    </Badge>
                </IconButton>
            </Tooltip>
            <Popover
                open={anchor !== null}
                anchorEl={anchor}
                onClose={() => setAnchor(null)}
                anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
                transformOrigin={{ vertical: 'top', horizontal: 'right' }}
            >
                <NotificationList onOpened={() => setAnchor(null)} onChanged={refetch} />
            </Popover>
        </>
    );
};
