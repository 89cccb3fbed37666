import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useStepName } from '../processes/step-label';
import type { AssessmentResult } from './types';

const GRADE_COLORS = {
    excellent: 'success',
    competent: 'primary',
    basically_competent: 'warning',
    incompetent: 'error',
} as const;

export const GradeChip = ({ grade }: { grade: AssessmentResult['grade'] }) => {
    const translate = useTranslate();
    if (!grade) return <>—</>;
    return (
        <Chip
            size="small"
            variant="outlined"
            color={GRADE_COLORS[grade] ?? 'default'}
            label={translate(`qinglan.assessment.grade.${grade}`, { _: grade })}
        />
    );
};

/** The step a cadre did not finish before the ranking, in words. */
export const MissingStep = ({ step }: { step: string | null }) => {
    const stepName = useStepName('annual-assessment');
    return step ? (
        <Typography component="span" variant="body2" color="error">
            {stepName.byName(step)}
        </Typography>
    ) : (
        <>—</>
    );
};

/** 排名、姓名、村、综合得分、等次、优先推荐 / 提醒谈话 and what is missing, township by township. */
export const ResultsTable = ({ rows, showTownship }: { rows: AssessmentResult[]; showTownship: boolean }) => {
    const translate = useTranslate();
    return (
        <Table size="small" className="qinglan-assessment-results" sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
                <TableRow>
                    <TableCell align="right">{translate('qinglan.assessment.rank')}</TableCell>
                    <TableCell>{translate('qinglan.assessment.name')}</TableCell>
                    {showTownship && <TableCell>{translate('qinglan.assessment.township')}</TableCell>}
                    <TableCell>{translate('qinglan.assessment.village')}</TableCell>
                    <TableCell align="right">{translate('qinglan.assessment.total')}</TableCell>
                    <TableCell>{translate('qinglan.assessment.grade_label')}</TableCell>
                    <TableCell>{translate('qinglan.assessment.flags')}</TableCell>
                    <TableCell>{translate('qinglan.assessment.missing')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map((row) => (
                    <TableRow key={`${row.townshipId}-${row.personId}`} data-person={row.personId}>
                        <TableCell align="right">{row.rank ?? '—'}</TableCell>
                        <TableCell>{row.name}</TableCell>
                        {showTownship && <TableCell>{row.townshipName}</TableCell>}
                        <TableCell>{row.villageName}</TableCell>
                        <TableCell align="right">{row.total == null ? '—' : row.total.toFixed(2)}</TableCell>
                        <TableCell>
                            <GradeChip grade={row.grade} />
                        </TableCell>
                        <TableCell sx={{ '& > * + *': { ml: 0.5 } }}>
                            {row.top && (
                                <Chip size="small" color="success" label={translate('qinglan.assessment.top')} />
                            )}
                            {row.bottom && (
                                <Chip size="small" color="error" label={translate('qinglan.assessment.bottom')} />
                            )}
                        </TableCell>
                        <TableCell>
                            <MissingStep step={row.missingStep} />
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};
