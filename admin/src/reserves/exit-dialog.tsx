import LogoutIcon from '@mui/icons-material/Logout';
import {
    Alert,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    MenuItem,
    Stack,
    TextField,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { errorMessageOf, fieldErrorsOf } from '../common';
import { EXIT_KINDS, postExitReserve, type ExitKind } from './reserve-api';

/** 退出: a decision with one of the kinds the API accepts and its explanation. */
export const ExitReserveButton = ({
    reserveId,
    name,
    onDone,
}: {
    reserveId: number | string;
    name: string;
    onDone: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [open, setOpen] = useState(false);
    const [kind, setKind] = useState<ExitKind | ''>('');
    const [reason, setReason] = useState('');
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [problem, setProblem] = useState<string | null>(null);
    const [sending, setSending] = useState(false);
    const close = () => {
        setOpen(false);
        setErrors({});
        setProblem(null);
    };
    const send = async () => {
        if (!kind) return;
        setSending(true);
        setErrors({});
        setProblem(null);
        try {
            await postExitReserve(reserveId, { kind, reason: reason.trim() });
            notify('qinglan.reserve_use.exited', { type: 'success' });
            close();
            onDone();
        } catch (error) {
            setErrors(fieldErrorsOf(error));
            setProblem(errorMessageOf(error));
        } finally {
            setSending(false);
        }
    };
    const otherErrors = Object.entries(errors).filter(([field]) => !['kind', 'reason'].includes(field));
    return (
        <>
            <Button
                size="small"
                variant="outlined"
                color="warning"
                startIcon={<LogoutIcon fontSize="small" />}
                onClick={() => setOpen(true)}
                className="qinglan-reserve-exit"
            >
                {translate('qinglan.reserve_use.exit')}
            </Button>
            <Dialog open={open} onClose={close} fullWidth maxWidth="sm" className="qinglan-exit-dialog">
                <DialogTitle>{translate('qinglan.reserve_use.exit_title', { name })}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <TextField
                            select
                            name="kind"
                            required
                            label={translate('qinglan.reserve_use.exit_kind')}
                            value={kind}
                            onChange={(e) => setKind(e.target.value as ExitKind)}
                            error={!!errors.kind}
                            helperText={errors.kind}
                        >
                            {EXIT_KINDS.map((k) => (
                                <MenuItem key={k} value={k}>
                                    {translate(`qinglan.reserve_use.exit_kinds.${k}`)}
                                </MenuItem>
                            ))}
                        </TextField>
                        <TextField
                            name="reason"
                            required
                            label={translate('qinglan.reserve_use.exit_reason')}
                            value={reason}
                            onChange={(e) => setReason(e.target.value)}
                            error={!!errors.reason}
                            helperText={errors.reason}
                            multiline
                            minRows={2}
                        />
                        {problem && (
                            <Alert severity="error" className="qinglan-exit-problem">
                                {problem}
                                {otherErrors.map(([field, message]) => (
                                    <div key={field}>· {message}</div>
                                ))}
                            </Alert>
                        )}
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button onClick={close}>{translate('ra.action.cancel')}</Button>
                    <Button
                        variant="contained"
                        color="warning"
                        name="confirm-exit"
                        disabled={sending || !kind}
                        onClick={() => void send()}
                    >
                        {translate('qinglan.reserve_use.exit')}
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
