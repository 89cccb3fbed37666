import { useState } from 'react';
import { useDataProvider, useNotify, type Identifier } from 'react-admin';
import { errorMessageOf } from '../common';
import type { QinglanDataProvider } from '../data-provider';

/** 一键催办: urges every overdue task of a township, then says how many. */
export const useUrgeOverdue = (onDone: () => void) => {
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const notify = useNotify();
    const [pending, setPending] = useState<Identifier | null>(null);
    const urge = async (townshipId: Identifier) => {
        if (pending !== null) return;
        setPending(townshipId);
        try {
            const { urged, failed } = await dataProvider.urgeOverdue(townshipId);
            notify(failed > 0 ? 'qinglan.overdue.urged_partly' : 'qinglan.overdue.urged', {
                type: failed > 0 ? 'warning' : 'success',
                messageArgs: { urged, failed },
            });
            onDone();
        } catch (error) {
            const message = errorMessageOf(error);
            notify(message, { type: 'error', messageArgs: { _: message } });
        } finally {
            setPending(null);
        }
    };
    return { urge, pending };
};
