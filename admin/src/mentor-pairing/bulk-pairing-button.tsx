import GroupAddIcon from '@mui/icons-material/GroupAdd';
import {
    Button as MuiButton,
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    MenuItem,
    TextField,
} from '@mui/material';
import { useState } from 'react';
import {
    Button,
    useDataProvider,
    useGetIdentity,
    useGetList,
    usePermissions,
    useTranslate,
    type Identifier,
} from 'react-admin';
import { usePendingCall } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import type { BulkPairingResult } from '../processes/types';
import type { Township } from '../types';
import { BulkResult } from './bulk-result';

/** 整乡发起: pair every newly elected cadre of a township (the officer's own; the county picks one). */
export const BulkPairingButton = ({ variant }: { variant?: 'text' | 'outlined' }) => {
    const translate = useTranslate();
    const { permissions } = usePermissions();
    const { identity } = useGetIdentity();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const county = permissions === 'county_admin';
    const [open, setOpen] = useState(false);
    const [chosen, setChosen] = useState<Identifier | ''>('');
    const { run, pending } = usePendingCall();
    const [result, setResult] = useState<BulkPairingResult>();
    const { data: townships = [] } = useGetList<Township>(
        'townships',
        { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } },
        { enabled: open },
    );
    const townshipId = county ? chosen : ((identity?.townshipId as Identifier | undefined) ?? '');
    const townshipName = townships.find((township) => township.id === townshipId)?.name;

    const close = () => {
        setOpen(false);
        setResult(undefined);
    };
    const start = async () => {
        if (townshipId === '' || pending) return;
        const answer = await run(() => dataProvider.startPairingsForTownship(townshipId));
        if (answer) setResult(answer);
    };

    return (
        <>
            <Button
                label="qinglan.mentor_pairing.bulk"
                variant={variant}
                onClick={() => setOpen(true)}
                className="qinglan-bulk-pairing"
            >
                <GroupAddIcon />
            </Button>
            <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
                <DialogTitle>{translate('qinglan.mentor_pairing.bulk')}</DialogTitle>
                <DialogContent>
                    {result ? (
                        <BulkResult result={result} />
                    ) : (
                        <>
                            <DialogContentText sx={{ mb: 2 }}>
                                {translate('qinglan.mentor_pairing.bulk_confirm', { township: townshipName ?? '…' })}
                            </DialogContentText>
                            {county && (
                                <TextField
                                    select
                                    fullWidth
                                    name="townshipId"
                                    label={translate('resources.cadres.fields.townshipId')}
                                    value={chosen}
                                    onChange={(event) => setChosen(Number(event.target.value))}
                                >
                                    {townships.map((township) => (
                                        <MenuItem key={township.id} value={township.id}>
                                            {township.name}
                                        </MenuItem>
                                    ))}
                                </TextField>
                            )}
                        </>
                    )}
                </DialogContent>
                <DialogActions>
                    <MuiButton onClick={close}>{translate(result ? 'ra.action.close' : 'ra.action.cancel')}</MuiButton>
                    {!result && (
                        <MuiButton variant="contained" onClick={start} disabled={pending || townshipId === ''}>
                            {translate('qinglan.mentor_pairing.bulk_start')}
                        </MuiButton>
                    )}
                </DialogActions>
            </Dialog>
        </>
    );
};
