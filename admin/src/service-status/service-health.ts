// What the console knows of the server's parts: /api/health read every few seconds. Any
// answer that is not the probe's own (the API down, a proxy's 502) counts as unreachable.
import { useEffect, useState } from 'react';

export type ServiceProblem = 'api' | 'database' | 'temporal' | 'worker';

/** Seconds between two reads; sooner again while something is down, so the notice clears soon. */
const OK_INTERVAL_MS = 10_000;
const DOWN_INTERVAL_MS = 3_000;

interface HealthBody {
    database?: { reachable?: boolean };
    temporal?: { reachable?: boolean };
    worker?: { polling?: boolean };
}

export async function readServiceProblem(): Promise<ServiceProblem | undefined> {
    try {
        const res = await fetch('/api/health', { cache: 'no-store', signal: AbortSignal.timeout(8000) });
        const body = (await res.json()) as HealthBody;
        if (body.database?.reachable === false) return 'database';
        if (body.temporal?.reachable === false) return 'temporal';
        if (body.worker?.polling === false) return 'worker';
        return res.ok ? undefined : 'api';
    } catch {
        return 'api';
    }
}

/** The part that is down now, or undefined when all answer; re-read until the page closes. */
export function useServiceProblem(): ServiceProblem | undefined {
    const [problem, setProblem] = useState<ServiceProblem | undefined>();
    useEffect(() => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let stopped = false;
        const read = async () => {
            const now = await readServiceProblem();
            if (stopped) return;
            setProblem(now);
            timer = setTimeout(read, now ? DOWN_INTERVAL_MS : OK_INTERVAL_MS);
        };
        void read();
        // back online or back to the tab: ask at once rather than at the next tick
        const again = () => {
            clearTimeout(timer);
            void read();
        };
        window.addEventListener('online', again);
        window.addEventListener('focus', again);
        return () => {
            stopped = true;
            clearTimeout(timer);
            window.removeEventListener('online', again);
            window.removeEventListener('focus', again);
        };
    }, []);
    return problem;
}
