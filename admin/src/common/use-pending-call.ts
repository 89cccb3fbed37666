import { useState } from 'react';
import { useNotify } from 'react-admin';
import { errorMessageOf } from './api-errors';

/**
 * A call made from a button: `pending` while it runs (to disable the button), and a refusal
 * shown as the server's own message. Resolves to the answer, or undefined when it failed.
 */
export const usePendingCall = () => {
    const notify = useNotify();
    const [pending, setPending] = useState(false);
    const run = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
        setPending(true);
        try {
            return await call();
        } catch (error) {
            const message = errorMessageOf(error);
            notify(message, { type: 'error', messageArgs: { _: message } });
            return undefined;
        } finally {
            setPending(false);
        }
    };
    return { run, pending };
};
