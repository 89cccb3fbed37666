import PlaylistPlayIcon from '@mui/icons-material/PlaylistPlay';
import {
    Button as MuiButton,
    CircularProgress,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    MenuItem,
    TextField,
    useMediaQuery,
    type Theme,
} from '@mui/material';
import { useEffect, useState } from 'react';
import {
    Button,
    useDataProvider,
    useListContext,
    useNotify,
    usePermissions,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { errorMessageOf, newRequestId } from '../../common';
import type { QinglanDataProvider } from '../../data-provider';
import { BulkPreviewList } from './bulk-preview-list';
import { BulkResultList } from './bulk-result-list';
import { bulkActionsFor, needsReason, type BulkAction, type BulkOperation, type BulkPreview } from './bulk-types';

const POLL_MS = 1000;

/**
 * 批量操作 over the list's current filter: choose the action, see which processes it would act
 * on and which it would skip, give the reason, confirm, watch the progress and each result.
 */
export const BulkOperationButton = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const { permissions } = usePermissions();
    const { filterValues } = useListContext();
    // The filter by value: the effect below asks again only when it really changes.
    const filterKey = JSON.stringify(filterValues ?? {});
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
    const actions = bulkActionsFor(permissions);
    const [open, setOpen] = useState(false);
    const [action, setAction] = useState<BulkAction>('cancel');
    const [previewed, setPreviewed] = useState<{ action: BulkAction; result: BulkPreview }>();
    const [reason, setReason] = useState('');
    const [reasonError, setReasonError] = useState<string>();
    const [requestId, setRequestId] = useState(newRequestId);
    const [pending, setPending] = useState(false);
    const [operation, setOperation] = useState<BulkOperation>();

    useEffect(() => {
        if (!open || operation) return;
        let current = true;
        dataProvider.previewBulk(action, JSON.parse(filterKey) as Record<string, unknown>).then(
            (result) => current && setPreviewed({ action, result }),
            (error: unknown) => {
                const message = errorMessageOf(error);
                notify(message, { type: 'error', messageArgs: { _: message } });
            },
        );
        return () => {
            current = false;
        };
    }, [open, action, filterKey, operation, dataProvider, notify]);

    useEffect(() => {
        if (!operation || operation.status === 'done') return;
        const timer = setTimeout(
            () => void dataProvider.getBulkOperation(operation.id).then(setOperation, () => undefined),
            POLL_MS,
        );
        return () => clearTimeout(timer);
    }, [operation, dataProvider]);

    if (actions.length === 0) return null;
    // Shown only for the action it was asked for: another action's preview is being fetched.
    const preview = previewed?.action === action ? previewed.result : undefined;

    const close = () => {
        setOpen(false);
        if (operation) refresh();
        setOperation(undefined);
        setReason('');
        setReasonError(undefined);
        setRequestId(newRequestId());
    };
    const run = async () => {
        if (needsReason(action) && !reason.trim()) {
            setReasonError(translate('qinglan.bulk.reason_help'));
            return;
        }
        setPending(true);
        try {
            // The same requestId if this click is repeated after a network error: one operation.
            setOperation(
                await dataProvider.runBulk({
                    action,
                    filter: filterValues,
                    reason: reason.trim() || undefined,
                    requestId,
                }),
            );
        } catch (error) {
            const message = errorMessageOf(error);
            notify(message, { type: 'error', messageArgs: { _: message } });
        } finally {
            setPending(false);
        }
    };

    return (
        <>
            <Button label="qinglan.bulk.button" onClick={() => setOpen(true)} className="qinglan-bulk-operation">
                <PlaylistPlayIcon />
            </Button>
            <Dialog
                open={open}
                onClose={close}
                fullWidth
                maxWidth="md"
                fullScreen={phone}
                className="qinglan-bulk-dialog"
            >
                <DialogTitle>{translate('qinglan.bulk.title')}</DialogTitle>
                <DialogContent>
                    {operation ? (
                        <BulkResultList operation={operation} />
                    ) : (
                        <>
                            <TextField
                                select
                                label={translate('qinglan.bulk.action')}
                                value={action}
                                onChange={(event) => {
                                    setAction(event.target.value as BulkAction);
                                    setRequestId(newRequestId());
                                }}
                                fullWidth
                                margin="dense"
                                className="qinglan-bulk-action"
                            >
                                {actions.map((a) => (
                                    <MenuItem key={a} value={a}>
                                        {translate(`qinglan.bulk.actions.${a}`)}
                                    </MenuItem>
                                ))}
                            </TextField>
                            <TextField
                                label={translate(needsReason(action) ? 'qinglan.bulk.reason' : 'qinglan.bulk.message')}
                                required={needsReason(action)}
                                value={reason}
                                onChange={(event) => {
                                    setReason(event.target.value);
                                    setReasonError(undefined);
                                }}
                                error={Boolean(reasonError)}
                                helperText={
                                    reasonError ?? (needsReason(action) ? translate('qinglan.bulk.reason_help') : ' ')
                                }
                                fullWidth
                                multiline
                                margin="dense"
                                inputProps={{ maxLength: 500 }}
                                className="qinglan-bulk-reason"
                            />
                            {preview ? <BulkPreviewList preview={preview} /> : <CircularProgress size={24} />}
                        </>
                    )}
                </DialogContent>
                <DialogActions>
                    <MuiButton onClick={close}>
                        {translate(operation ? 'ra.action.close' : 'ra.action.cancel')}
                    </MuiButton>
                    {!operation && (
                        <MuiButton
                            variant="contained"
                            color={action === 'cancel' || action === 'terminate' ? 'error' : 'primary'}
                            disabled={pending || !preview || preview.acting === 0}
                            onClick={() => void run()}
                            className="qinglan-bulk-confirm"
                        >
                            {translate('qinglan.bulk.confirm')}
                        </MuiButton>
                    )}
                </DialogActions>
            </Dialog>
        </>
    );
};
