import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';
import type { Stats } from '../types';

interface StatsState {
    stats?: Stats;
    error?: Error;
    isPending: boolean;
}

/** `GET /api/stats`: the counts within the signed-in user's scope. */
export const useStats = (enabled = true): StatsState => {
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const [state, setState] = useState<StatsState>({ isPending: true });
    useEffect(() => {
        if (!enabled) return;
        let active = true;
        dataProvider
            .getStats()
            .then(stats => active && setState({ stats, isPending: false }))
            .catch((error: Error) => active && setState({ error, isPending: false }));
        return () => {
            active = false;
        };
    }, [dataProvider, enabled]);
    return state;
};
