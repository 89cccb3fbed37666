import { useRef, useState } from 'react';
import { useDataProvider, useNotify, useRedirect, useRefresh } from 'react-admin';
import { errorMessageOf, fieldErrorsOf } from '../common/api-errors';
import { newRequestId } from '../common/request-id';
import type { QinglanDataProvider } from '../data-provider';
import type { Task, TaskActionBody } from './types';

export const DECISIONS = ['submit', 'approve', 'reject', 'return'] as const;

export type ActionRequest = Omit<TaskActionBody, 'requestId'>;

/** Field errors of a refused action, by field (`form.notes`, `comment` …); undefined when it went through. */
export type ActionResult = Record<string, string> | undefined;

/**
 * Sends one action on a task. Every call carries a fresh request id, so a retried request
 * takes effect once. After a decision the inbox opens again; after an operation the page
 * reloads. A refusal shows the server's message and hands back its field errors.
 */
export const useTaskAction = (task: Task) => {
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const notify = useNotify();
    const redirect = useRedirect();
    const refresh = useRefresh();
    const [pending, setPending] = useState(false);
    // a second click while the first is on its way does nothing
    const inFlight = useRef(false);

    const act = async (request: ActionRequest): Promise<ActionResult> => {
        if (inFlight.current) return undefined;
        inFlight.current = true;
        setPending(true);
        try {
            await dataProvider.actOnTask(task.id, { ...request, requestId: newRequestId() });
        } catch (error) {
            const message = errorMessageOf(error);
            notify(message, { type: 'error', messageArgs: { _: message } });
            const errors = fieldErrorsOf(error);
            return Object.keys(errors).length > 0 ? errors : { _: message };
        } finally {
            inFlight.current = false;
            setPending(false);
        }
        notify(`qinglan.tasks.done.${request.action}`, { type: 'success' });
        if ((DECISIONS as readonly string[]).includes(request.action)) {
            redirect('list', 'tasks');
        } else {
            refresh();
        }
        return undefined;
    };

    return { act, pending };
};
