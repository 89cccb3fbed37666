import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { chinaDayOf } from '../../../domain/china-time';
import { useStepName } from '../processes/step-label';
import { RankingStatusChip } from './status-chip';
import { PROGRESS_STEPS } from './steps';
import type { AssessmentProgress } from './types';

/** The last day of the notice in China time: it ends at 24:00 of that day. */
const chinaDate = (endsAt: string) => chinaDayOf(Date.parse(endsAt) - 1);

/** Per township: cadres at each step, overdue, scored, the ranking's version and 公示 / 已定. */
export const ProgressTable = ({
    rows,
    onPick,
}: {
    rows: AssessmentProgress[];
    onPick?: (townshipId: number) => void;
}) => {
    const translate = useTranslate();
    const stepName = useStepName('annual-assessment');
    return (
        <Table size="small" className="qinglan-assessment-progress" sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
                <TableRow>
                    <TableCell>{translate('qinglan.assessment.township')}</TableCell>
                    {PROGRESS_STEPS.map((step) => (
                        <TableCell key={step} align="right">
                            {stepName.byKey(step)}
                        </TableCell>
                    ))}
                    <TableCell align="right">{translate('qinglan.assessment.scored')}</TableCell>
                    <TableCell align="right">{translate('qinglan.assessment.overdue')}</TableCell>
                    <TableCell align="right">{translate('qinglan.assessment.ranking_version')}</TableCell>
                    <TableCell>{translate('qinglan.assessment.ranking_status')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map((row) => (
                    <TableRow
                        key={row.townshipId}
                        hover={!!onPick}
                        data-township={row.townshipId}
                        onClick={onPick ? () => onPick(row.townshipId) : undefined}
                        sx={onPick ? { cursor: 'pointer' } : undefined}
                    >
                        <TableCell>{row.townshipName}</TableCell>
                        {PROGRESS_STEPS.map((step) => (
                            <TableCell key={step} align="right" data-step={step}>
                                {row.steps[step] ?? 0}
                            </TableCell>
                        ))}
                        <TableCell align="right" data-step="scored">
                            {row.scored}
                        </TableCell>
                        <TableCell
                            align="right"
                            data-step="overdue"
                            sx={{
                                color: row.overdue > 0 ? 'error.main' : undefined,
                                fontWeight: row.overdue > 0 ? 600 : undefined,
                            }}
                        >
                            {row.overdue}
                        </TableCell>
                        <TableCell align="right">{row.rankingVersion > 0 ? row.rankingVersion : '—'}</TableCell>
                        <TableCell>
                            <RankingStatusChip stage={row.stage} />
                            {row.notice && row.stage === 'notice' && (
                                <Typography
                                    component="span"
                                    variant="caption"
                                    color="text.secondary"
                                    sx={{ ml: 1 }}
                                    className="qinglan-notice-until"
                                >
                                    {translate('qinglan.assessment.notice_until', {
                                        date: chinaDate(row.notice.endsAt),
                                    })}
                                </Typography>
                            )}
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};
