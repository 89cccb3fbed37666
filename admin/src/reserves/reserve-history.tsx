import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { ProcessLink } from './process-link';
import { StatusChip } from './reserve-status-chip';
import type { ReserveRecord, ReserveStatusChange } from './types';

export const useDay = () => {
    const [locale] = useLocaleState();
    return (day: string | null) => (day ? new Date(`${day}T00:00:00`).toLocaleDateString(locale) : '—');
};

const Empty = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary">
            {translate('qinglan.pool.none')}
        </Typography>
    );
};

/** 状态变动: every change of status with who made it, when and why, and its process. */
export const StatusHistory = ({ rows }: { rows: ReserveStatusChange[] }) => {
    const translate = useTranslate();
    const day = useDay();
    if (rows.length === 0) return <Empty />;
    return (
        <Table size="small" className="qinglan-reserve-history">
            <TableHead>
                <TableRow>
                    <TableCell>{translate('qinglan.pool.history_when')}</TableCell>
                    <TableCell>{translate('qinglan.pool.history_change')}</TableCell>
                    <TableCell>{translate('qinglan.pool.history_who')}</TableCell>
                    <TableCell>{translate('qinglan.pool.history_why')}</TableCell>
                    <TableCell />
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map((row) => (
                    <TableRow key={row.id} data-status={row.toStatus}>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{day(row.changedOn)}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            {row.fromStatus && (
                                <>
                                    <StatusChip status={row.fromStatus} /> →{' '}
                                </>
                            )}
                            <StatusChip status={row.toStatus} />
                        </TableCell>
                        <TableCell>{row.actorName ?? translate('qinglan.pool.system')}</TableCell>
                        <TableCell className="qinglan-reserve-reason">{row.reason}</TableCell>
                        <TableCell>
                            <ProcessLink processId={row.workflowId} />
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

/** 培养记录: talks, training, placements and yearly reviews, oldest first. */
export const CultivationRecords = ({ rows }: { rows: ReserveRecord[] }) => {
    const translate = useTranslate();
    const day = useDay();
    if (rows.length === 0) return <Empty />;
    const detailOf = (row: ReserveRecord) =>
        row.kind === 'review' && (row.detail === 'pass' || row.detail === 'fail')
            ? translate(`qinglan.pool.review.${row.detail}`)
            : (row.detail ?? '');
    return (
        <Table size="small" className="qinglan-reserve-records">
            <TableHead>
                <TableRow>
                    <TableCell>{translate('qinglan.pool.record_when')}</TableCell>
                    <TableCell>{translate('qinglan.pool.record_kind_label')}</TableCell>
                    <TableCell>{translate('qinglan.pool.record_detail')}</TableCell>
                    <TableCell>{translate('qinglan.pool.record_by')}</TableCell>
                    <TableCell />
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map((row) => (
                    <TableRow key={row.id} data-kind={row.kind}>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            {day(row.startedOn)}
                            {row.endedOn && row.endedOn !== row.startedOn ? ` – ${day(row.endedOn)}` : ''}
                        </TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            {translate(`qinglan.pool.record_kind.${row.kind}`)}
                        </TableCell>
                        <TableCell>
                            {detailOf(row)}
                            {row.note ? `（${row.note}）` : ''}
                        </TableCell>
                        <TableCell>{row.recordedByName ?? translate('qinglan.pool.system')}</TableCell>
                        <TableCell>
                            <ProcessLink processId={row.workflowId} />
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};
