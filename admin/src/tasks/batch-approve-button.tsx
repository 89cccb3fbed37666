import DoneAllIcon from '@mui/icons-material/DoneAll';
import {
    Alert,
    Box,
    Button,
    Chip,
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    List,
    ListItem,
    ListItemText,
    TextField,
} from '@mui/material';
import { useRef, useState } from 'react';
import { useDataProvider, useListContext, useRefresh, useTranslate } from 'react-admin';
import { newRequestId, usePendingCall } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import { isEnglish } from '../i18n/i18n-provider';
import type { BatchApproveResult, Task } from './types';

/** A task the caller may tick for 批量同意: their own, open, and its 同意 needs no form. */
export const batchApprovable = (record: Task) => record.canAct && record.quickApprove;

/** 批量同意 of the ticked tasks: the desktop list's bulk action. */
export const BatchApproveButton = () => {
    const { selectedIds, onUnselectItems } = useListContext<Task>();
    return <BatchApprove ids={selectedIds} onDone={onUnselectItems} />;
};

/**
 * 批量同意 on a phone, where a list has no ticks: every task on the page that may be approved
 * without a form, named in the dialog before anything is sent. Shown when there are two or more.
 */
export const PhoneBatchApproveButton = () => {
    const translate = useTranslate();
    const { data } = useListContext<Task>();
    const approvable = (data ?? []).filter(batchApprovable);
    if (approvable.length < 2) return null;
    return (
        <Box sx={{ px: 2, pt: 1.5 }}>
            <BatchApprove
                ids={approvable.map((t) => t.id)}
                tasks={approvable}
                label={translate('qinglan.tasks.batch.approve_page', { smart_count: approvable.length })}
            />
        </Box>
    );
};

/**
 * Asks for an optional opinion, approves the tasks in one request (the same request id if the
 * click is repeated, so nothing is decided twice), then shows what went through and, for each
 * refused task, why.
 */
const BatchApprove = ({
    ids,
    tasks,
    label,
    onDone,
}: {
    ids: Task['id'][];
    /** Named in the dialog, when the caller did not tick them. */
    tasks?: Task[];
    label?: string;
    onDone?: () => void;
}) => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const [comment, setComment] = useState('');
    const { run, pending } = usePendingCall();
    const [result, setResult] = useState<BatchApproveResult>();
    const requestId = useRef('');

    const start = () => {
        requestId.current = newRequestId();
        setComment('');
        setResult(undefined);
        setOpen(true);
    };

    const confirm = async () => {
        const answer = await run(() =>
            dataProvider.batchApprove({
                ids,
                comment: comment.trim() || undefined,
                requestId: requestId.current,
            }),
        );
        if (answer) setResult(answer);
    };
    // The dialog lives in the selection's toolbar: the inbox is reloaded (and the selection
    // cleared) once the result has been read, not under it.
    const close = () => {
        setOpen(false);
        if (result) {
            onDone?.();
            refresh();
        }
    };

    return (
        <>
            <Button
                size="small"
                variant="contained"
                startIcon={<DoneAllIcon />}
                onClick={start}
                className="qinglan-batch-approve"
            >
                {label ?? translate('qinglan.tasks.batch.approve')}
            </Button>
            <Dialog
                open={open}
                onClose={() => !pending && close()}
                fullWidth
                maxWidth="sm"
                className="qinglan-batch-dialog"
            >
                <DialogTitle>
                    {result
                        ? translate('qinglan.tasks.batch.result_title')
                        : translate('qinglan.tasks.batch.title', { smart_count: ids.length })}
                </DialogTitle>
                <DialogContent>
                    {result ? (
                        <BatchResult result={result} />
                    ) : (
                        <>
                            <DialogContentText sx={{ mb: 1 }}>
                                {translate('qinglan.tasks.batch.content')}
                            </DialogContentText>
                            {tasks && (
                                <List dense className="qinglan-batch-tasks">
                                    {tasks.map((task) => (
                                        <ListItem key={String(task.id)} disableGutters>
                                            <ListItemText primary={task.stepName} secondary={task.processTitle} />
                                        </ListItem>
                                    ))}
                                </List>
                            )}
                            <TextField
                                autoFocus
                                fullWidth
                                multiline
                                minRows={2}
                                margin="dense"
                                name="comment"
                                label={translate('qinglan.tasks.batch.comment')}
                                value={comment}
                                onChange={(event) => setComment(event.target.value)}
                                slotProps={{ htmlInput: { maxLength: 2000 } }}
                            />
                        </>
                    )}
                </DialogContent>
                <DialogActions>
                    {result ? (
                        <Button variant="contained" onClick={close} className="qinglan-batch-close">
                            {translate('ra.action.close')}
                        </Button>
                    ) : (
                        <>
                            <Button onClick={() => setOpen(false)} disabled={pending}>
                                {translate('ra.action.cancel')}
                            </Button>
                            <Button
                                variant="contained"
                                onClick={confirm}
                                disabled={pending}
                                className="qinglan-batch-confirm"
                            >
                                {translate('qinglan.tasks.batch.approve')}
                            </Button>
                        </>
                    )}
                </DialogActions>
            </Dialog>
        </>
    );
};

const BatchResult = ({ result }: { result: BatchApproveResult }) => {
    const translate = useTranslate();
    const english = isEnglish();
    return (
        <>
            <Alert severity={result.failed ? 'warning' : 'success'} className="qinglan-batch-summary">
                {translate('qinglan.tasks.batch.summary', { succeeded: result.succeeded, failed: result.failed })}
            </Alert>
            <List dense>
                {result.results.map((item) => (
                    <ListItem key={String(item.id)} disableGutters className="qinglan-batch-item">
                        <Chip
                            size="small"
                            color={item.ok ? 'success' : 'error'}
                            label={translate(item.ok ? 'qinglan.tasks.batch.ok' : 'qinglan.tasks.batch.failed')}
                            sx={{ mr: 1, minWidth: 48 }}
                        />
                        <ListItemText
                            primary={[item.stepName, item.processTitle].filter(Boolean).join(' · ') || `#${item.id}`}
                            secondary={item.ok ? null : (english && item.messageEn) || item.message}
                        />
                    </ListItem>
                ))}
            </List>
        </>
    );
};
