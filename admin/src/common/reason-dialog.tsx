import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

interface ReasonDialogProps {
    open: boolean;
    title: string;
    /** A sentence under the title, e.g. what the action does. */
    content?: string;
    label?: string;
    pending?: boolean;
    onClose: () => void;
    /** Resolves to an error message to show under the field, or nothing when done. */
    onConfirm: (reason: string) => Promise<string | undefined>;
}

/** Asks for the reason of an action that needs one (提前结束, 撤销流程 …). */
export const ReasonDialog = ({
    open,
    title,
    content,
    label = 'qinglan.tasks.reason',
    pending,
    onClose,
    onConfirm,
}: ReasonDialogProps) => {
    const translate = useTranslate();
    const [reason, setReason] = useState('');
    const [error, setError] = useState<string>();
    // Each opening starts empty. Reset while rendering, when `open` turns true, rather than in an
    // effect: an effect would first paint the last reason, then render again.
    const [wasOpen, setWasOpen] = useState(open);
    if (open !== wasOpen) {
        setWasOpen(open);
        if (open) {
            setReason('');
            setError(undefined);
        }
    }

    const confirm = async () => {
        if (!reason.trim()) {
            setError(translate('ra.validation.required'));
            return;
        }
        const failure = await onConfirm(reason.trim());
        if (failure) setError(failure);
        else onClose();
    };

    return (
        <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" className="qinglan-reason-dialog">
            <DialogTitle>{translate(title)}</DialogTitle>
            <DialogContent>
                {content && <DialogContentText sx={{ mb: 1 }}>{translate(content)}</DialogContentText>}
                <TextField
                    autoFocus
                    fullWidth
                    multiline
                    minRows={3}
                    margin="dense"
                    name="reason"
                    required
                    label={translate(label)}
                    value={reason}
                    onChange={(event) => setReason(event.target.value)}
                    error={!!error}
                    helperText={error}
                />
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose} disabled={pending}>
                    {translate('ra.action.cancel')}
                </Button>
                <Button variant="contained" onClick={confirm} disabled={pending} className="qinglan-reason-confirm">
                    {translate('ra.action.confirm')}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
