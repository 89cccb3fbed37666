import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Cadre } from '../types';
import { positionLabel } from './position-label';

/** The cadre's positions as compact chips, for the list. */
export const PositionsChips = (_props: { source?: string; label?: string; sortable?: boolean }) => {
    const record = useRecordContext<Cadre>();
    const translate = useTranslate();
    if (!record?.positions?.length) return null;
    return (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'nowrap' }}>
            {record.positions.map((position, index) => (
                <Chip
                    key={`${position.committee}-${position.title}-${index}`}
                    size="small"
                    variant="outlined"
                    color={position.committee === 'party_branch' ? 'error' : 'primary'}
                    label={positionLabel(translate, position)}
                />
            ))}
        </Stack>
    );
};
