import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { ProcessLink } from '../reserves/process-link';
import { mayWithdraw } from './permissions';
import type { Application } from './types';
import { WithdrawDialog } from './withdraw-dialog';

/** 报考人员: each application with its status, why it stands there, and the reasons found at application. */
export const ApplicantsTable = ({
    rows,
    role,
    onChanged,
}: {
    rows: Application[];
    /** The viewer's role: a cadre sees only their own application, and may give it up. */
    role: unknown;
    onChanged: () => void;
}) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const english = locale === 'en';
    if (rows.length === 0)
        return <Typography color="text.secondary">{translate('qinglan.recruitment.no_applicants')}</Typography>;
    return (
        <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" className="qinglan-recruitment-applicants" sx={{ '& th': { whiteSpace: 'nowrap' } }}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('qinglan.recruitment.rank')}</TableCell>
                        <TableCell>{translate('qinglan.recruitment.name')}</TableCell>
                        <TableCell>{translate('qinglan.recruitment.position')}</TableCell>
                        <TableCell>{translate('qinglan.recruitment.status')}</TableCell>
                        <TableCell>{translate('qinglan.recruitment.total')}</TableCell>
                        <TableCell>{translate('qinglan.recruitment.reason')}</TableCell>
                        <TableCell />
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map((a) => (
                        <TableRow key={a.id} data-application={a.id} data-status={a.status}>
                            <TableCell>{a.rank ?? '—'}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.name}</TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.positionName}</TableCell>
                            <TableCell>
                                <Chip
                                    size="small"
                                    label={translate(`qinglan.recruitment.application_status.${a.status}`, {
                                        _: a.status,
                                    })}
                                />
                            </TableCell>
                            <TableCell>{a.total ?? '—'}</TableCell>
                            <TableCell sx={{ minWidth: 180 }}>
                                {a.reason ?? ''}
                                {a.eligibility.map((r) => (
                                    <Typography key={r.rule} variant="body2" color="warning.main">
                                        {english ? r.message_en : r.message_zh}
                                    </Typography>
                                ))}
                            </TableCell>
                            <TableCell sx={{ whiteSpace: 'nowrap' }}>
                                <ProcessLink processId={a.workflowId} label="qinglan.recruitment.applicant_timeline" />
                                {mayWithdraw(role, a.status) && (
                                    <WithdrawDialog application={a} self={role === 'cadre'} onDone={onChanged} />
                                )}
                            </TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </Box>
    );
};
