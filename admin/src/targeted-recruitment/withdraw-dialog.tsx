import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate, type HttpError } from 'react-admin';
import { recruitmentApi } from './api';
import type { Application } from './types';

/**
 * 放弃: the applicant gives up their application, or their township officer or the county
 * registers it for them (then with a reason). Confirmed in a dialog; the API's refusal is shown
 * there with the field it names.
 */
export const WithdrawDialog = ({
    application,
    self,
    onDone,
}: {
    application: Application;
    /** The applicant themself: the reason may be left out. */
    self: boolean;
    onDone: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [open, setOpen] = useState(false);
    const [reason, setReason] = useState('');
    const [refusal, setRefusal] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    // One id per opening of the dialog: a double click or a retry is the same withdrawal.
    const [requestId, setRequestId] = useState('');
    const start = () => {
        setRequestId(crypto.randomUUID());
        setRefusal(null);
        setOpen(true);
    };
    const withdraw = async () => {
        setBusy(true);
        setRefusal(null);
        try {
            await recruitmentApi.withdraw(application.id, { reason: reason.trim() || undefined, requestId });
            notify('qinglan.recruitment.withdrawn', { type: 'success', messageArgs: { name: application.name } });
            setOpen(false);
            onDone();
        } catch (e) {
            const body = (e as HttpError).body as { fields?: { message: string }[] } | undefined;
            setRefusal(body?.fields?.[0]?.message ?? (e as Error).message);
        } finally {
            setBusy(false);
        }
    };
    return (
        <>
            <Button size="small" color="warning" onClick={start} name="withdraw" sx={{ whiteSpace: 'nowrap' }}>
                {translate('qinglan.recruitment.withdraw')}
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs" className="qinglan-withdraw">
                <DialogTitle>{translate('qinglan.recruitment.withdraw_title', { name: application.name })}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <Alert severity="warning">{translate('qinglan.recruitment.withdraw_hint')}</Alert>
                        <TextField
                            name="reason"
                            size="small"
                            multiline
                            minRows={2}
                            required={!self}
                            label={translate('qinglan.recruitment.withdraw_reason')}
                            helperText={translate(
                                self
                                    ? 'qinglan.recruitment.withdraw_reason_optional'
                                    : 'qinglan.recruitment.withdraw_reason_required',
                            )}
                            value={reason}
                            onChange={(e) => setReason(e.target.value)}
                            inputProps={{ maxLength: 500 }}
                        />
                        {refusal && (
                            <Alert severity="error" className="qinglan-withdraw-refusal">
                                {refusal}
                            </Alert>
                        )}
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
                    <Button
                        variant="contained"
                        color="warning"
                        disabled={busy || (!self && !reason.trim())}
                        onClick={() => void withdraw()}
                        name="confirm-withdraw"
                    >
                        {translate('qinglan.recruitment.confirm_withdraw')}
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
