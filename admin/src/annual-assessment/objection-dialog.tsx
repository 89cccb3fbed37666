import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import {
    Alert,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    MenuItem,
    TextField,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { errorMessageOf } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import type { AssessmentResult } from './types';

interface ObjectionButtonProps {
    year: number;
    /** The results on notice the objection may be about (one township). */
    rows: AssessmentResult[];
    onFiled?: () => void;
}

/** 提出异议: during the public notice, about one person of the results, with the reason. */
export const ObjectionButton = ({ year, rows, onFiled }: ObjectionButtonProps) => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const notify = useNotify();
    const [open, setOpen] = useState(false);
    const [personId, setPersonId] = useState<number | ''>('');
    const [reason, setReason] = useState('');
    const [errors, setErrors] = useState<Record<string, string>>({});
    const [pending, setPending] = useState(false);
    if (rows.length === 0) return null;
    const person = rows.find((row) => row.personId === personId) ?? (rows.length === 1 ? rows[0] : undefined);

    const openDialog = () => {
        setPersonId(rows.length === 1 ? rows[0].personId : '');
        setReason('');
        setErrors({});
        setOpen(true);
    };
    const file = async () => {
        const missing: Record<string, string> = {};
        if (!person) missing.personId = translate('ra.validation.required');
        if (!reason.trim()) missing.reason = translate('ra.validation.required');
        setErrors(missing);
        if (!person || Object.keys(missing).length > 0 || pending) return;
        setPending(true);
        try {
            await dataProvider.fileObjection({
                year,
                townshipId: person.townshipId,
                personId: person.personId,
                reason: reason.trim(),
            });
            notify('qinglan.assessment.objection_filed', { type: 'success', messageArgs: { name: person.name } });
            setOpen(false);
            onFiled?.();
        } catch (failure) {
            setErrors({ _: errorMessageOf(failure) });
        } finally {
            setPending(false);
        }
    };

    return (
        <>
            <Button
                size="small"
                variant="outlined"
                color="warning"
                startIcon={<ReportProblemIcon />}
                onClick={openDialog}
                className="qinglan-assessment-object"
            >
                {translate('qinglan.assessment.object')}
            </Button>
            <Dialog
                open={open}
                onClose={() => setOpen(false)}
                fullWidth
                maxWidth="sm"
                className="qinglan-objection-dialog"
            >
                <DialogTitle>{translate('qinglan.assessment.object')}</DialogTitle>
                <DialogContent>
                    <DialogContentText sx={{ mb: 1 }}>{translate('qinglan.assessment.object_hint')}</DialogContentText>
                    {errors._ && (
                        <Alert severity="error" sx={{ mb: 1 }}>
                            {errors._}
                        </Alert>
                    )}
                    <TextField
                        select
                        fullWidth
                        margin="dense"
                        name="personId"
                        label={translate('qinglan.assessment.object_person')}
                        value={person?.personId ?? ''}
                        onChange={(event) => setPersonId(Number(event.target.value))}
                        error={!!errors.personId}
                        helperText={errors.personId}
                    >
                        {rows.map((row) => (
                            <MenuItem key={row.personId} value={row.personId}>
                                {`${row.name}（${row.villageName}）`}
                            </MenuItem>
                        ))}
                    </TextField>
                    <TextField
                        fullWidth
                        multiline
                        minRows={3}
                        margin="dense"
                        name="reason"
                        required
                        label={translate('qinglan.assessment.object_reason')}
                        value={reason}
                        onChange={(event) => setReason(event.target.value)}
                        error={!!errors.reason}
                        helperText={errors.reason}
                    />
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)} disabled={pending}>
                        {translate('ra.action.cancel')}
                    </Button>
                    <Button variant="contained" onClick={file} disabled={pending} className="qinglan-objection-confirm">
                        {translate('ra.action.confirm')}
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
