import { useCallback, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';

export const POLL_INTERVAL_MS = 30_000;

/** The number of unread notifications, asked for at once and then every 30 seconds. */
export const useUnreadCount = (): { count: number; refetch: () => void } => {
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const [count, setCount] = useState(0);
    const refetch = useCallback(() => {
        dataProvider.getUnreadNotificationCount().then(setCount, () => undefined);
    }, [dataProvider]);
    useEffect(() => {
        refetch();
        const timer = window.setInterval(refetch, POLL_INTERVAL_MS);
        return () => window.clearInterval(timer);
    }, [refetch]);
    return { count, refetch };
};
