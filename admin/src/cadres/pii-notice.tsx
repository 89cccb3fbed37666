import { Alert } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Cadre } from '../types';

/** Says whether the ID number and phone shown are masked, or full and logged. */
export const PiiNotice = ({ editing = false }: { editing?: boolean }) => {
    const record = useRecordContext<Cadre>();
    const translate = useTranslate();
    if (!record) return null;
    if (record.piiMasked) {
        return (
            <Alert severity="info" className="qinglan-pii-masked" sx={{ my: 1 }}>
                {translate(editing ? 'qinglan.cadres.pii_masked_edit' : 'qinglan.cadres.pii_masked')}
            </Alert>
        );
    }
    if (editing) return null;
    return (
        <Alert severity="warning" variant="outlined" sx={{ my: 1 }}>
            {translate('qinglan.cadres.pii_audited')}
        </Alert>
    );
};
