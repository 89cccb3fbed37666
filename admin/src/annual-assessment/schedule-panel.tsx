import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { errorMessageOf, formatDateTime, ReasonDialog } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import { chinaYear } from '../../../domain/china-time';
import type { AssessmentSchedule } from './types';

interface Moment {
    month: string;
    day: string;
    hour: string;
}

const inRange = (value: string, min: number, max: number) => {
    const n = Number(value);
    return value !== '' && Number.isInteger(n) && n >= min && n <= max;
};

/** 年度计划: the yearly start (month, day, hour China time), its next runs, pause / resume, 立即执行 and 补跑. */
export const SchedulePanel = ({ onStarted }: { onStarted: () => void }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const notify = useNotify();
    const {
        data: schedule,
        error,
        isFetching,
        refetch,
    } = useQuery({
        queryKey: ['assessment', 'schedule'],
        queryFn: () => dataProvider.getAssessmentSchedule(),
        retry: false,
    });
    const [moment, setMoment] = useState<Moment>({ month: '3', day: '1', hour: '9' });
    const [backfillYear, setBackfillYear] = useState(String(chinaYear() - 1));
    const [pending, setPending] = useState(false);
    const [pausing, setPausing] = useState(false);

    // The form shows the stored moment each time a different schedule comes back. Copied while
    // rendering rather than in an effect, which would first paint the old moment, then render again.
    const [shown, setShown] = useState<AssessmentSchedule>();
    if (schedule !== shown) {
        setShown(schedule);
        if (schedule?.exists) {
            setMoment({ month: String(schedule.month), day: String(schedule.day), hour: String(schedule.hour) });
        }
    }

    /** Runs one call; a refusal is shown and handed back as its message. */
    const run = async <T,>(
        call: () => Promise<T>,
        done: string,
        args: Record<string, unknown> = {},
    ): Promise<string | undefined> => {
        setPending(true);
        try {
            await call();
            notify(done, { type: 'success', messageArgs: args });
            void refetch();
            return undefined;
        } catch (failure) {
            const message = errorMessageOf(failure);
            notify(message, { type: 'error', messageArgs: { _: message } });
            return message;
        } finally {
            setPending(false);
        }
    };

    const valid = inRange(moment.month, 1, 12) && inRange(moment.day, 1, 28) && inRange(moment.hour, 0, 23);
    const save = () =>
        run(
            () =>
                dataProvider.setAssessmentSchedule({
                    month: Number(moment.month),
                    day: Number(moment.day),
                    hour: Number(moment.hour),
                    ...(schedule?.townshipIds ? { townshipIds: schedule.townshipIds } : {}),
                }),
            'qinglan.assessment.schedule.saved',
        );
    const field = (key: keyof Moment, min: number, max: number) => (
        <TextField
            type="number"
            size="small"
            name={`schedule-${key}`}
            label={translate(`qinglan.assessment.schedule.${key}`)}
            value={moment[key]}
            onChange={(event) => setMoment({ ...moment, [key]: event.target.value })}
            error={!inRange(moment[key], min, max)}
            slotProps={{ htmlInput: { min, max } }}
            sx={{ width: 110 }}
        />
    );
    const exists = !!schedule?.exists;

    return (
        <Card className="qinglan-assessment-schedule">
            <CardContent>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                    <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, color: 'primary.main' }}>
                        {translate('qinglan.assessment.schedule.title')}
                    </Typography>
                    {exists && (
                        <Chip
                            size="small"
                            color={schedule!.paused ? 'warning' : 'success'}
                            label={translate(
                                schedule!.paused
                                    ? 'qinglan.assessment.schedule.paused'
                                    : 'qinglan.assessment.schedule.active',
                            )}
                        />
                    )}
                </Stack>
                {error && <Alert severity="error">{error.message}</Alert>}
                {!isFetching && !exists && !error && (
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                        {translate('qinglan.assessment.schedule.none')}
                    </Typography>
                )}
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                    {field('month', 1, 12)}
                    {field('day', 1, 28)}
                    {field('hour', 0, 23)}
                    <Button
                        variant="contained"
                        size="small"
                        onClick={save}
                        disabled={!valid || pending}
                        className="qinglan-schedule-save"
                    >
                        {translate('ra.action.save')}
                    </Button>
                </Stack>
                <Typography variant="caption" color="text.secondary">
                    {translate('qinglan.assessment.schedule.hint')}
                </Typography>
                {exists && (
                    <>
                        {schedule!.paused && schedule!.note && (
                            <Alert severity="warning" sx={{ mt: 1 }}>
                                {translate('qinglan.assessment.schedule.note', { note: schedule!.note })}
                            </Alert>
                        )}
                        <Box sx={{ mt: 1.5 }}>
                            <Typography variant="body2" color="text.secondary">
                                {translate('qinglan.assessment.schedule.next_runs')}
                            </Typography>
                            <Box component="ul" sx={{ m: 0, pl: 3 }} className="qinglan-schedule-next">
                                {schedule!.nextRuns.map((at) => (
                                    <li key={at}>{formatDateTime(at, locale)}</li>
                                ))}
                                {schedule!.nextRuns.length === 0 && <li>—</li>}
                            </Box>
                        </Box>
                        <Stack
                            direction="row"
                            spacing={1}
                            useFlexGap
                            sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 1.5 }}
                        >
                            {schedule!.paused ? (
                                <Button
                                    size="small"
                                    variant="outlined"
                                    disabled={pending}
                                    onClick={() =>
                                        run(
                                            () => dataProvider.unpauseAssessmentSchedule(),
                                            'qinglan.assessment.schedule.resumed',
                                        )
                                    }
                                >
                                    {translate('qinglan.assessment.schedule.resume')}
                                </Button>
                            ) : (
                                <Button
                                    size="small"
                                    variant="outlined"
                                    color="warning"
                                    disabled={pending}
                                    onClick={() => setPausing(true)}
                                >
                                    {translate('qinglan.assessment.schedule.pause')}
                                </Button>
                            )}
                            <Button
                                size="small"
                                variant="outlined"
                                disabled={pending}
                                onClick={async () => {
                                    if (
                                        !(await run(
                                            () => dataProvider.triggerAssessmentSchedule(),
                                            'qinglan.assessment.schedule.triggered',
                                        ))
                                    )
                                        onStarted();
                                }}
                                className="qinglan-schedule-trigger"
                            >
                                {translate('qinglan.assessment.schedule.trigger')}
                            </Button>
                            <TextField
                                type="number"
                                size="small"
                                name="backfill-year"
                                label={translate('qinglan.assessment.schedule.backfill_year')}
                                value={backfillYear}
                                onChange={(event) => setBackfillYear(event.target.value)}
                                sx={{ width: 120 }}
                            />
                            <Button
                                size="small"
                                variant="outlined"
                                disabled={pending || !inRange(backfillYear, 2000, 2100)}
                                onClick={async () => {
                                    const year = Number(backfillYear);
                                    if (
                                        !(await run(
                                            () => dataProvider.backfillAssessment(year),
                                            'qinglan.assessment.schedule.backfilled',
                                            { year },
                                        ))
                                    )
                                        onStarted();
                                }}
                                className="qinglan-schedule-backfill"
                            >
                                {translate('qinglan.assessment.schedule.backfill')}
                            </Button>
                        </Stack>
                    </>
                )}
            </CardContent>
            <ReasonDialog
                open={pausing}
                title="qinglan.assessment.schedule.pause"
                content="qinglan.assessment.schedule.pause_hint"
                label="qinglan.assessment.schedule.pause_note"
                pending={pending}
                onClose={() => setPausing(false)}
                onConfirm={(note) =>
                    run(() => dataProvider.pauseAssessmentSchedule(note), 'qinglan.assessment.schedule.paused_done')
                }
            />
        </Card>
    );
};
