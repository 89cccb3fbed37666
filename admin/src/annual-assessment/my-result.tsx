import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';
import { ObjectionButton } from './objection-dialog';
import { GradeChip, MissingStep } from './results-table';
import { Section } from './section';
import { RankingStatusChip } from './status-chip';
import { YearPicker } from './year-picker';

const Row = ({ label, children }: { label: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Box sx={{ display: 'flex', gap: 1, py: 0.5 }}>
            <Box sx={{ color: 'text.secondary', minWidth: 112 }}>{translate(label)}</Box>
            <Box>{children}</Box>
        </Box>
    );
};

/** 我的考核结果: a cadre's own result of the chosen year, and 提出异议 while it is on notice. */
export const MyAssessmentResult = ({ year, onYear }: { year: number; onYear: (year: number) => void }) => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const {
        data: rows = [],
        error,
        isPending,
    } = useQuery({
        queryKey: ['assessment', 'results', year, null],
        queryFn: () => dataProvider.getAssessmentResults(year),
        retry: false,
    });
    return (
        <Section
            title="qinglan.assessment.my_result"
            actions={<YearPicker value={year} onChange={onYear} />}
            className="qinglan-assessment-mine"
        >
            {isPending && <LinearProgress />}
            {error && <Alert severity="error">{error.message}</Alert>}
            {!isPending && !error && rows.length === 0 && (
                <Typography color="text.secondary">{translate('qinglan.assessment.no_result')}</Typography>
            )}
            {rows.map((row) => (
                <Box key={`${row.townshipId}-${row.personId}`} data-person={row.personId}>
                    <Row label="qinglan.assessment.name">{row.name}</Row>
                    <Row label="qinglan.assessment.village">{`${row.townshipName} · ${row.villageName}`}</Row>
                    <Row label="qinglan.assessment.total">{row.total == null ? '—' : row.total.toFixed(2)}</Row>
                    <Row label="qinglan.assessment.grade_label">
                        <GradeChip grade={row.grade} />
                    </Row>
                    <Row label="qinglan.assessment.rank">{row.rank ?? '—'}</Row>
                    {(row.top || row.bottom) && (
                        <Row label="qinglan.assessment.flags">
                            <Stack direction="row" spacing={0.5}>
                                {row.top && (
                                    <Chip size="small" color="success" label={translate('qinglan.assessment.top')} />
                                )}
                                {row.bottom && (
                                    <Chip size="small" color="error" label={translate('qinglan.assessment.bottom')} />
                                )}
                            </Stack>
                        </Row>
                    )}
                    {row.missingStep && (
                        <Row label="qinglan.assessment.missing">
                            <MissingStep step={row.missingStep} />
                        </Row>
                    )}
                    <Row label="qinglan.assessment.ranking_status">
                        <RankingStatusChip stage={row.stage} />
                    </Row>
                    {row.stage === 'notice' && (
                        <Box sx={{ mt: 1 }}>
                            <ObjectionButton year={year} rows={[row]} />
                        </Box>
                    )}
                </Box>
            ))}
        </Section>
    );
};
