import { Box, Button, Divider, LinearProgress, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useDataProvider, useGetList, useLocaleState, useNavigate, useTranslate } from 'react-admin';
import { DateTimeText, formatDateTime } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import type { AppNotification } from './types';

const LATEST = 10;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

/** The latest notifications; a click marks one read and opens its page. */
export const NotificationList = ({ onOpened, onChanged }: { onOpened: () => void; onChanged: () => void }) => {
    const translate = useTranslate();
    const navigate = useNavigate();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const [locale] = useLocaleState();
    // bodies carry deadlines as ISO times: shown in the console's words instead
    const readable = (text: string) => text.replace(ISO_TIME, (iso) => formatDateTime(iso, locale));
    const {
        data = [],
        isPending,
        refetch,
    } = useGetList<AppNotification>('notifications', {
        pagination: { page: 1, perPage: LATEST },
        sort: { field: 'createdAt', order: 'DESC' },
    });

    const open = async (notification: AppNotification) => {
        if (!notification.readAt) await dataProvider.markNotificationRead(notification.id).catch(() => undefined);
        onChanged();
        onOpened();
        if (notification.link) navigate(notification.link);
    };
    const readAll = async () => {
        await dataProvider.markAllNotificationsRead().catch(() => undefined);
        refetch();
        onChanged();
    };

    return (
        <Box sx={{ width: { xs: '92vw', sm: 380 } }} className="qinglan-notifications">
            <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1 }}>
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                    {translate('qinglan.notifications.title')}
                </Typography>
                <Button
                    size="small"
                    onClick={readAll}
                    disabled={!data.some((n) => !n.readAt)}
                    className="qinglan-read-all"
                >
                    {translate('qinglan.notifications.read_all')}
                </Button>
            </Box>
            <Divider />
            {isPending && <LinearProgress />}
            {!isPending && data.length === 0 && (
                <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
                    {translate('qinglan.notifications.empty')}
                </Typography>
            )}
            <List dense disablePadding sx={{ maxHeight: 420, overflowY: 'auto' }}>
                {data.map((notification) => (
                    <ListItemButton
                        key={notification.id}
                        onClick={() => open(notification)}
                        className={
                            notification.readAt
                                ? 'qinglan-notification'
                                : 'qinglan-notification qinglan-notification--unread'
                        }
                        sx={{ alignItems: 'flex-start', bgcolor: notification.readAt ? undefined : 'action.hover' }}
                    >
                        <ListItemText
                            primary={notification.title}
                            slotProps={{ primary: { sx: { fontWeight: notification.readAt ? 400 : 600 } } }}
                            secondary={
                                <>
                                    <Box component="span" sx={{ display: 'block' }}>
                                        {readable(notification.body)}
                                    </Box>
                                    <DateTimeText value={notification.createdAt} />
                                </>
                            }
                        />
                    </ListItemButton>
                ))}
            </List>
        </Box>
    );
};
