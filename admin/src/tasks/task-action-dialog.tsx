import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { chinaIso } from '../../../domain/china-time';
import type { User } from '../types';
import type { ActionRequest, ActionResult } from './use-task-action';
import type { TaskAction } from './types';
import { UserPicker } from './user-picker';

interface Needs {
    comment: 'required' | 'optional';
    users?: 'one' | 'many';
    returnTo?: boolean;
    deadline?: boolean;
}

/** What each action asks for before it is sent. */
const NEEDS: Partial<Record<TaskAction, Needs>> = {
    reject: { comment: 'required' },
    return: { comment: 'required', returnTo: true },
    transfer: { comment: 'optional', users: 'one' },
    add_signer: { comment: 'optional', users: 'many' },
    cc: { comment: 'optional', users: 'many' },
    urge: { comment: 'optional' },
    comment: { comment: 'required' },
    change_deadline: { comment: 'optional', deadline: true },
};

export const needsDialog = (action: TaskAction): boolean => action in NEEDS;

interface TaskActionDialogProps {
    action: TaskAction | null;
    returnToChoices: { id: string; name: string }[];
    pending: boolean;
    onClose: () => void;
    onConfirm: (request: Omit<ActionRequest, 'action' | 'form'>) => Promise<ActionResult>;
}

/** Asks for the reason, the people, the step to return to or the new deadline of an action. */
export const TaskActionDialog = ({ action, returnToChoices, pending, onClose, onConfirm }: TaskActionDialogProps) => {
    const translate = useTranslate();
    const [comment, setComment] = useState('');
    const [users, setUsers] = useState<User[]>([]);
    const [returnTo, setReturnTo] = useState('');
    const [date, setDate] = useState('');
    const [errors, setErrors] = useState<Record<string, string>>({});

    // Another action starts empty. Reset while rendering, when `action` changes, rather than in
    // an effect: an effect would first paint the last action's fields, then render again.
    const [shownAction, setShownAction] = useState(action);
    if (action !== shownAction) {
        setShownAction(action);
        setComment('');
        setUsers([]);
        setReturnTo('');
        setDate('');
        setErrors({});
    }

    if (!action) return null;
    const needs = NEEDS[action] ?? { comment: 'optional' };
    const required = translate('ra.validation.required');
    const isReason = action === 'reject' || action === 'return';
    const target = returnTo || returnToChoices[0]?.id || '';

    const confirm = async () => {
        const missing: Record<string, string> = {};
        if (needs.comment === 'required' && !comment.trim()) missing.comment = required;
        if (needs.users && users.length === 0) missing.userIds = required;
        if (needs.returnTo && !target) missing.returnTo = required;
        if (needs.deadline && !date) missing.deadline = required;
        setErrors(missing);
        if (Object.keys(missing).length > 0) return;
        const result = await onConfirm({
            ...(comment.trim() ? { comment: comment.trim() } : {}),
            ...(needs.users ? { userIds: users.map((user) => user.id) } : {}),
            ...(needs.returnTo ? { returnTo: target } : {}),
            // the end of the chosen day in the county's time zone
            ...(needs.deadline ? { deadline: { at: chinaIso(date, '23:59:59') } } : {}),
        });
        if (result) setErrors(result);
        else onClose();
    };

    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="sm" className="qinglan-action-dialog">
            <DialogTitle>{translate(`qinglan.tasks.action.${action}`)}</DialogTitle>
            <DialogContent>
                {errors._ && (
                    <Alert severity="error" sx={{ mb: 1 }}>
                        {errors._}
                    </Alert>
                )}
                {needs.returnTo && (
                    <TextField
                        select
                        fullWidth
                        margin="dense"
                        name="returnTo"
                        label={translate('qinglan.tasks.return_to')}
                        value={target}
                        onChange={(event) => setReturnTo(event.target.value)}
                        error={!!errors.returnTo}
                        helperText={errors.returnTo}
                    >
                        {returnToChoices.map((choice) => (
                            <MenuItem key={choice.id} value={choice.id}>
                                {choice.name}
                            </MenuItem>
                        ))}
                    </TextField>
                )}
                {needs.users && (
                    <UserPicker
                        multiple={needs.users === 'many'}
                        value={users}
                        onChange={setUsers}
                        label={`qinglan.tasks.users_label.${action}`}
                        error={errors.userIds}
                    />
                )}
                {needs.deadline && (
                    <TextField
                        type="date"
                        fullWidth
                        margin="dense"
                        name="deadline"
                        label={translate('qinglan.tasks.new_deadline')}
                        value={date}
                        onChange={(event) => setDate(event.target.value)}
                        error={!!errors.deadline}
                        helperText={errors.deadline}
                        slotProps={{ inputLabel: { shrink: true } }}
                    />
                )}
                <TextField
                    fullWidth
                    multiline
                    minRows={3}
                    margin="dense"
                    name="comment"
                    label={translate(isReason ? 'qinglan.tasks.reason' : 'qinglan.tasks.comment')}
                    required={needs.comment === 'required'}
                    value={comment}
                    onChange={(event) => setComment(event.target.value)}
                    error={!!errors.comment}
                    helperText={errors.comment}
                />
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose} disabled={pending}>
                    {translate('ra.action.cancel')}
                </Button>
                <Button variant="contained" onClick={confirm} disabled={pending} className="qinglan-action-confirm">
                    {translate('ra.action.confirm')}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
