import { useCallback, useEffect, useState } from 'react';

interface Loaded<T> {
    data?: T;
    error?: Error;
    isPending: boolean;
    reload: () => void;
}

/** Loads once per change of `key`, and again on `reload()`; an answer that arrives late is dropped. */
export const useLoaded = <T>(load: () => Promise<T>, key: string, enabled = true): Loaded<T> => {
    const [state, setState] = useState<{ data?: T; error?: Error; isPending: boolean }>({ isPending: enabled });
    const [round, setRound] = useState(0);
    useEffect(() => {
        if (!enabled) return;
        let active = true;
        setState(previous => ({ ...previous, isPending: true }));
        load()
            .then(data => active && setState({ data, isPending: false }))
            .catch((error: Error) => active && setState({ error, isPending: false }));
        return () => {
            active = false;
        };
        // `load` is a new function on every render; `key` says when it asks for something else
    }, [key, round, enabled]);
    const reload = useCallback(() => setRound(n => n + 1), []);
    return { ...state, reload };
};
