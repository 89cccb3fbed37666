import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Button, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';
import { chinaYear } from '../../../domain/china-time';
import { isCountyRole, isPersonalRole, mayManageAssessment, mayObject } from '../roles';
import { ExportButton } from './export-button';
import { MyAssessmentResult } from './my-result';
import { ObjectionButton } from './objection-dialog';
import { ProgressChart } from './progress-chart';
import { ProgressTable } from './progress-table';
import { ResultsTable } from './results-table';
import { SchedulePanel } from './schedule-panel';
import { Section } from './section';
import { StartAssessmentButton } from './start-dialog';
import type { AssessmentProgress } from './types';
import { YearPicker } from './year-picker';

/** A township takes part in the year once any cadre has a step, a score or a ranking. */
const takesPart = (row: AssessmentProgress) =>
    Object.values(row.steps).some((n) => n > 0) || row.scored > 0 || row.rankingVersion > 0;

const Results = ({ year, townships }: { year: number; townships: AssessmentProgress[] }) => {
    const translate = useTranslate();
    const { permissions } = usePermissions();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const county = isCountyRole(permissions);
    const [chosen, setChosen] = useState<number | ''>('');
    const townshipId = county ? (townships.some((t) => t.townshipId === chosen) ? chosen : '') : '';
    // isFetching, not isPending: a reload after an objection shows the bar too
    const {
        data: rows = [],
        error,
        isFetching,
        refetch,
    } = useQuery({
        queryKey: ['assessment', 'results', year, townshipId === '' ? null : townshipId],
        queryFn: () => dataProvider.getAssessmentResults(year, townshipId === '' ? undefined : townshipId),
        retry: false,
    });
    const reload = () => void refetch();
    // objections concern one township's ranking while its notice is open
    const onNotice = rows.filter((row) => row.stage === 'notice');
    const objectable = mayObject(permissions) && (!county || townshipId !== '') ? onNotice : [];
    return (
        <Section
            title="qinglan.assessment.results"
            className="qinglan-assessment-results-card"
            actions={
                <>
                    {county && (
                        <TextField
                            select
                            size="small"
                            name="townshipId"
                            label={translate('qinglan.assessment.township')}
                            value={townshipId}
                            onChange={(event) => setChosen(event.target.value === '' ? '' : Number(event.target.value))}
                            fullWidth={false}
                            slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
                            sx={{ width: 200 }}
                            className="qinglan-assessment-township"
                        >
                            <MenuItem value="">{translate('qinglan.assessment.all_townships')}</MenuItem>
                            {townships.map((t) => (
                                <MenuItem key={t.townshipId} value={t.townshipId}>
                                    {t.townshipName}
                                </MenuItem>
                            ))}
                        </TextField>
                    )}
                    <ObjectionButton year={year} rows={objectable} onFiled={reload} />
                    <ExportButton year={year} townshipId={townshipId === '' ? undefined : townshipId} />
                </>
            }
        >
            {isFetching && <LinearProgress />}
            {error && <Alert severity="error">{error.message}</Alert>}
            {!isFetching && !error && rows.length === 0 && (
                <Typography variant="body2" color="text.secondary">
                    {translate('qinglan.assessment.no_results')}
                </Typography>
            )}
            {rows.length > 0 && (
                <Box sx={{ overflowX: 'auto' }}>
                    <ResultsTable rows={rows} showTownship={county && townshipId === ''} />
                </Box>
            )}
        </Section>
    );
};

/** 年度考核: progress per township, the results, and for the county 发起考核 and 年度计划. */
export const AssessmentPage = () => {
    const translate = useTranslate();
    const { permissions } = usePermissions();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const [year, setYear] = useState(chinaYear);
    const personal = isPersonalRole(permissions);
    // isFetching, not isPending: 刷新 and a start show the bar too
    const {
        data: progress = [],
        error,
        isFetching,
        refetch,
    } = useQuery({
        queryKey: ['assessment', 'progress', year],
        queryFn: () => dataProvider.getAssessmentProgress(year),
        enabled: !personal,
        retry: false,
    });
    const reload = () => void refetch();
    if (personal) {
        return (
            <Box sx={{ mt: 2, maxWidth: 760 }} className="qinglan-assessment">
                <Title title="qinglan.assessment.title" />
                <MyAssessmentResult year={year} onYear={setYear} />
            </Box>
        );
    }
    const taking = progress.filter(takesPart);
    const manage = mayManageAssessment(permissions);
    return (
        <Box sx={{ mt: 2 }} className="qinglan-assessment">
            <Title title="qinglan.assessment.title" />
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
                <YearPicker value={year} onChange={setYear} />
                {manage && (
                    <StartAssessmentButton
                        year={year}
                        onStarted={(started) => {
                            if (started === year) reload();
                            else setYear(started);
                        }}
                    />
                )}
            </Stack>
            <Section
                title="qinglan.assessment.progress"
                className="qinglan-assessment-progress-card"
                actions={
                    <Button
                        size="small"
                        startIcon={<RefreshIcon />}
                        onClick={reload}
                        className="qinglan-assessment-refresh"
                    >
                        {translate('ra.action.refresh')}
                    </Button>
                }
            >
                {isFetching && <LinearProgress />}
                {error && <Alert severity="error">{error.message}</Alert>}
                {!isFetching && !error && taking.length === 0 && (
                    <Typography variant="body2" color="text.secondary" className="qinglan-assessment-none">
                        {translate('qinglan.assessment.not_started', { year })}
                    </Typography>
                )}
                {taking.length > 0 && (
                    <>
                        <Box sx={{ overflowX: 'auto', mb: 2 }}>
                            <ProgressTable rows={taking} />
                        </Box>
                        <ProgressChart rows={taking} />
                    </>
                )}
            </Section>
            <Results year={year} townships={taking} />
            {manage && <SchedulePanel onStarted={reload} />}
        </Box>
    );
};
