import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Popover, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';
import { NotificationList } from './notification-list';

/** How often the unread count is asked for again. */
const POLL_INTERVAL_MS = 30_000;

/** The bell in the app bar: the unread count, and the latest notifications on click. */
export const NotificationBell = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    // asked for at once, then every 30 seconds; a failed ask keeps the last count
    const { data: count = 0, refetch } = useQuery({
        queryKey: ['notifications', 'unread-count'],
        queryFn: () => dataProvider.getUnreadNotificationCount(),
        refetchInterval: POLL_INTERVAL_MS,
        retry: false,
    });
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const label = translate('qinglan.notifications.title');
    return (
        <>
            <Tooltip title={label}>
                <IconButton
                    color="inherit"
                    aria-label={label}
                    className="qinglan-bell"
                    onClick={(event) => {
                        setAnchor(event.currentTarget);
                        void refetch();
                    }}
                >
                    <Badge
                        badgeContent={count}
                        color="error"
                        max={99}
                        className="qinglan-bell-count"
                        data-count={count}
                    >
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
                <NotificationList onOpened={() => setAnchor(null)} onChanged={() => void refetch()} />
            </Popover>
        </>
    );
};
