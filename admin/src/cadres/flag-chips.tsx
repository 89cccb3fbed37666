import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Cadre } from '../types';

const FLAGS = [
    { field: 'newlyElected', color: 'success' },
    { field: 'isMentor', color: 'secondary' },
    { field: 'isReserve', color: 'warning' },
] as const;

/** 新任 / 导师 / 后备干部 markers. */
export const FlagChips = (_props: { source?: string; label?: string; sortable?: boolean }) => {
    const record = useRecordContext<Cadre>();
    const translate = useTranslate();
    if (!record) return null;
    const flags = FLAGS.filter((flag) => record[flag.field]);
    if (flags.length === 0) return null;
    return (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'nowrap' }}>
            {flags.map((flag) => (
                <Chip
                    key={flag.field}
                    size="small"
                    color={flag.color}
                    label={translate(`qinglan.cadres.flag.${flag.field}`)}
                />
            ))}
        </Stack>
    );
};
