import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditLogEntry } from '../types';

const pretty = (detail: unknown): string => {
    if (typeof detail === 'string') {
        try {
            return JSON.stringify(JSON.parse(detail), null, 2);
        } catch {
            return detail;
        }
    }
    return JSON.stringify(detail, null, 2);
};

/** The entry's JSON detail, pretty-printed. */
export const DetailField = (_props: { label?: string; source?: string }) => {
    const record = useRecordContext<AuditLogEntry>();
    const translate = useTranslate();
    const detail = record?.detail;
    if (detail == null || (typeof detail === 'object' && Object.keys(detail).length === 0)) {
        return (
            <Typography variant="body2" color="text.secondary">
                {translate('qinglan.audit.no_detail')}
            </Typography>
        );
    }
    return (
        <Box
            component="pre"
            sx={{
                m: 0,
                p: 1.5,
                bgcolor: 'action.hover',
                borderRadius: 1,
                fontSize: 13,
                overflowX: 'auto',
                maxWidth: '100%',
            }}
        >
            {pretty(detail)}
        </Box>
    );
};
