import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Reserve, ReserveStatus } from './types';

const COLORS: Record<ReserveStatus, ChipProps['color']> = {
    nominated: 'default',
    under_review: 'info',
    on_notice: 'warning',
    trial: 'secondary',
    in_pool: 'success',
    used: 'primary',
    exited: 'default',
};

/** A reserve's status in Chinese (在库, 试用期 …), coloured by where it stands. */
export const StatusChip = ({ status }: { status: ReserveStatus }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            color={COLORS[status]}
            variant={status === 'exited' ? 'outlined' : 'filled'}
            label={translate(`qinglan.pool.status.${status}`)}
            className="qinglan-reserve-status"
            data-status={status}
        />
    );
};

/** The status chip of the row in context, for lists and show pages. */
export const StatusField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
    const record = useRecordContext<Reserve>();
    return record ? <StatusChip status={record.status} /> : null;
};
