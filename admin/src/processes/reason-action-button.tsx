import type { ReactElement } from 'react';
import { useState } from 'react';
import { Button, useNotify, useRefresh } from 'react-admin';
import { errorMessageOf, fieldErrorsOf, ReasonDialog } from '../common';

interface ReasonActionButtonProps {
    label: string;
    icon: ReactElement;
    /** Says what the action does, in the dialog. */
    content: string;
    success: string;
    className?: string;
    run: (reason: string) => Promise<unknown>;
}

/** A process operation that needs only a reason: 提前结束, 撤销流程. */
export const ReasonActionButton = ({ label, icon, content, success, className, run }: ReasonActionButtonProps) => {
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const [pending, setPending] = useState(false);

    const confirm = async (reason: string) => {
        setPending(true);
        try {
            await run(reason);
        } catch (error) {
            const message = errorMessageOf(error);
            notify(message, { type: 'error', messageArgs: { _: message } });
            return fieldErrorsOf(error).reason ?? message;
        } finally {
            setPending(false);
        }
        notify(success, { type: 'success' });
        refresh();
        return undefined;
    };

    return (
        <>
            <Button label={label} color="error" onClick={() => setOpen(true)} className={className}>
                {icon}
            </Button>
            <ReasonDialog
                open={open}
                title={label}
                content={content}
                pending={pending}
                onClose={() => setOpen(false)}
                onConfirm={confirm}
            />
        </>
    );
};
