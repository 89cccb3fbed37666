import HowToRegIcon from '@mui/icons-material/HowToReg';
import {
    Alert,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    List,
    ListItem,
    MenuItem,
    Stack,
    TextField,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate, type HttpError } from 'react-admin';
import { recruitmentApi } from './api';
import type { CampaignPosition } from './types';

interface FieldError {
    field: string;
    message: string;
}

/** 报名: a cadre applies for themself; a refusal lists every rule they fail, as the API names them. */
export const ApplyDialog = ({
    campaignId,
    positions,
    onDone,
}: {
    campaignId: number;
    positions: CampaignPosition[];
    onDone: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [open, setOpen] = useState(false);
    const [positionId, setPositionId] = useState<number>(positions[0]?.id ?? 0);
    const [refusal, setRefusal] = useState<{ message: string; fields: FieldError[] } | null>(null);
    const [busy, setBusy] = useState(false);
    const apply = async () => {
        setBusy(true);
        setRefusal(null);
        try {
            await recruitmentApi.apply(campaignId, positionId);
            notify('qinglan.recruitment.applied', { type: 'success' });
            setOpen(false);
            onDone();
        } catch (e) {
            const body = (e as HttpError).body as { fields?: FieldError[] } | undefined;
            setRefusal({ message: (e as Error).message, fields: body?.fields ?? [] });
        } finally {
            setBusy(false);
        }
    };
    return (
        <>
            <Button variant="contained" startIcon={<HowToRegIcon />} onClick={() => setOpen(true)} name="apply">
                {translate('qinglan.recruitment.apply')}
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" className="qinglan-apply">
                <DialogTitle>{translate('qinglan.recruitment.apply')}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <TextField
                            select
                            size="small"
                            name="positionId"
                            label={translate('qinglan.recruitment.position')}
                            value={positionId}
                            onChange={(e) => setPositionId(Number(e.target.value))}
                        >
                            {positions.map((p) => (
                                <MenuItem key={p.id} value={p.id}>
                                    {p.name}（{translate(`qinglan.recruitment.kind.${p.kind}`)}，
                                    {translate('qinglan.recruitment.places')} {p.places}）
                                </MenuItem>
                            ))}
                        </TextField>
                        <Alert severity="info">{translate('qinglan.recruitment.apply_hint')}</Alert>
                        {refusal && (
                            <Alert severity="error" className="qinglan-apply-refusal">
                                {refusal.message}
                                <List dense>
                                    {refusal.fields.map((f) => (
                                        <ListItem key={f.field} sx={{ py: 0 }}>
                                            {f.message}
                                        </ListItem>
                                    ))}
                                </List>
                            </Alert>
                        )}
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
                    <Button
                        variant="contained"
                        disabled={busy || !positionId}
                        onClick={() => void apply()}
                        name="confirm-apply"
                    >
                        {translate('qinglan.recruitment.confirm_apply')}
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
