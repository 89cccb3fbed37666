import HowToRegIcon from '@mui/icons-material/HowToReg';
import {
    Alert,
    Autocomplete,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Stack,
    TextField,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { chinaDayOf } from '../../../domain/china-time';
import { errorMessageOf, fieldErrorsOf } from '../common';
import { USE_POSTS, postUseReserve } from './reserve-api';

/**
 * 使用: the post taken (a seat of the two committees, or any other written out) and the day.
 * The API refuses with the failing field, shown under it; on success the caller refreshes.
 */
export const UseReserveButton = ({
    reserveId,
    name,
    disabled,
    onDone,
}: {
    reserveId: number | string;
    name: string;
    disabled?: boolean;
    onDone: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const posts = USE_POSTS.map((key) => translate(`qinglan.reserve_use.posts.${key}`));
    const [open, setOpen] = useState(false);
    const [postName, setPostName] = useState('');
    const [date, setDate] = useState(chinaDayOf());
    const [note, setNote] = useState('');
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [problem, setProblem] = useState<string | null>(null);
    const [sending, setSending] = useState(false);
    const close = () => {
        setOpen(false);
        setErrors({});
        setProblem(null);
    };
    const send = async () => {
        setSending(true);
        setErrors({});
        setProblem(null);
        try {
            const result = await postUseReserve(reserveId, { post: postName.trim(), date, ...(note ? { note } : {}) });
            notify(
                result.pairing
                    ? translate('qinglan.reserve_use.pairing_proposed', { title: result.pairing.title })
                    : (result.pairingNote ?? translate('qinglan.reserve_use.used', { post: postName })),
                { type: result.pairing || !result.pairingNote ? 'success' : 'warning' },
            );
            close();
            onDone();
        } catch (error) {
            setErrors(fieldErrorsOf(error));
            setProblem(errorMessageOf(error));
        } finally {
            setSending(false);
        }
    };
    // Field errors sit under their inputs; the rest (e.g. 409 not in the pool) above the buttons.
    const otherErrors = Object.entries(errors).filter(([field]) => !['post', 'date', 'note'].includes(field));
    return (
        <>
            <Button
                size="small"
                variant="contained"
                startIcon={<HowToRegIcon fontSize="small" />}
                disabled={disabled}
                onClick={() => setOpen(true)}
                className="qinglan-reserve-use"
            >
                {translate('qinglan.reserve_use.use')}
            </Button>
            <Dialog open={open} onClose={close} fullWidth maxWidth="sm" className="qinglan-use-dialog">
                <DialogTitle>{translate('qinglan.reserve_use.use_title', { name })}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <Autocomplete
                            freeSolo
                            options={posts}
                            inputValue={postName}
                            onInputChange={(_, value) => setPostName(value)}
                            renderInput={(params) => (
                                <TextField
                                    {...params}
                                    name="post"
                                    required
                                    label={translate('qinglan.reserve_use.post')}
                                    error={!!errors.post}
                                    helperText={errors.post}
                                />
                            )}
                        />
                        <TextField
                            name="date"
                            type="date"
                            required
                            label={translate('qinglan.reserve_use.date')}
                            value={date}
                            onChange={(e) => setDate(e.target.value)}
                            error={!!errors.date}
                            helperText={errors.date}
                            slotProps={{ inputLabel: { shrink: true } }}
                        />
                        <TextField
                            name="note"
                            label={translate('qinglan.reserve_use.note')}
                            value={note}
                            onChange={(e) => setNote(e.target.value)}
                            error={!!errors.note}
                            helperText={errors.note}
                            multiline
                            minRows={2}
                        />
                        {problem && (
                            <Alert severity="error" className="qinglan-use-problem">
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
                        name="confirm-use"
                        disabled={sending || !postName.trim()}
                        onClick={() => void send()}
                    >
                        {translate('qinglan.reserve_use.use')}
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
