import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Reserve } from './types';

/** 逾期 and 将超龄 beside a reserve: what the township acts on. */
export const DueChips = (_props: { label?: string; sortable?: boolean }) => {
    const record = useRecordContext<Reserve>();
    const translate = useTranslate();
    if (!record) return null;
    const overdue = record.mentorTalkOverdue || record.secretaryTalkOverdue;
    return (
        <Stack direction="row" spacing={0.5}>
            {overdue && (
                <Chip size="small" color="error" variant="outlined" label={translate('qinglan.pool.overdue')} />
            )}
            {record.ageingOut && (
                <Chip size="small" color="warning" variant="outlined" label={translate('qinglan.pool.ageing_out')} />
            )}
        </Stack>
    );
};
