import DownloadIcon from '@mui/icons-material/Download';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import {
    Alert,
    Box,
    Button,
    LinearProgress,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { DateTimeText } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import { processHistoryDownloadUrl } from '../workflow-api';
import type { HistoryEvent, ProcessHistory } from './types';

/** `EVENT_TYPE_ACTIVITY_TASK_SCHEDULED` → `ActivityTaskScheduled`, as Temporal's UI names it. */
const shortType = (type: string) =>
    type
        .replace(/^EVENT_TYPE_/, '')
        .toLowerCase()
        .replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** What an event is about, as Temporal's UI shows beside its type: the activity, timer, marker or signal. */
const subjectOf = (attributes: unknown): string | undefined => {
    if (!attributes || typeof attributes !== 'object') return undefined;
    const a = attributes as Record<string, { name?: string } | string | undefined>;
    for (const key of ['activityType', 'workflowType']) {
        const value = a[key];
        if (value && typeof value === 'object' && value.name) return value.name;
    }
    for (const key of ['markerName', 'signalName', 'timerId', 'reason']) {
        const value = a[key];
        if (typeof value === 'string' && value) return value;
    }
    return undefined;
};

/** An event's attributes, decoded: folded by default, the JSON as the engine keeps it when opened. */
const Attributes = ({ event }: { event: HistoryEvent }) => {
    const translate = useTranslate();
    if (event.attributes == null) return null;
    const text = JSON.stringify(event.attributes, null, 2);
    return (
        <details className="qinglan-history-attributes">
            <summary>
                <Typography variant="caption" color="text.secondary" component="span">
                    {translate('qinglan.processes.event_attributes')}
                </Typography>
            </summary>
            <Box
                component="pre"
                sx={{
                    m: 0,
                    mt: 0.5,
                    p: 1,
                    bgcolor: 'action.hover',
                    borderRadius: 1,
                    fontSize: 12,
                    maxHeight: 360,
                    overflow: 'auto',
                    whiteSpace: 'pre-wrap',
                    wordBreak: 'break-all',
                }}
            >
                {text}
            </Box>
        </details>
    );
};

/** 原始事件: the process's Temporal event history, decoded (auditor and county admin). */
export const RawHistory = ({ processId }: { processId: string }) => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const [history, setHistory] = useState<ProcessHistory>();
    const [error, setError] = useState<Error>();
    useEffect(() => {
        let active = true;
        dataProvider
            .getProcessHistory(processId)
            .then((value) => active && setHistory(value))
            .catch((failure: Error) => active && setError(failure));
        return () => {
            active = false;
        };
    }, [dataProvider, processId]);

    if (error) return <Alert severity="error">{error.message}</Alert>;
    if (!history) return <LinearProgress />;
    const { events, masked, temporalUiUrl } = history;
    return (
        <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('qinglan.processes.history_hint', { count: events.length })}
                {masked && ` ${translate('qinglan.processes.history_masked')}`}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }} useFlexGap>
                <Button
                    size="small"
                    variant="outlined"
                    startIcon={<DownloadIcon />}
                    href={processHistoryDownloadUrl(processId)}
                    download={`${processId}.json`}
                    className="qinglan-history-download"
                >
                    {translate('qinglan.processes.history_download')}
                </Button>
                {temporalUiUrl && (
                    <Button
                        size="small"
                        startIcon={<OpenInNewIcon />}
                        href={temporalUiUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="qinglan-history-temporal-ui"
                    >
                        {translate('qinglan.processes.history_temporal_ui')}
                    </Button>
                )}
            </Stack>
            <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>
                <Table size="small" className="qinglan-raw-history" sx={{ tableLayout: 'fixed' }}>
                    <TableHead>
                        <TableRow>
                            <TableCell sx={{ width: 72, whiteSpace: 'nowrap' }}>
                                {translate('qinglan.processes.event_id')}
                            </TableCell>
                            <TableCell>{translate('qinglan.processes.event_type')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {events.map((event) => (
                            <TableRow key={event.eventId} sx={{ verticalAlign: 'top' }}>
                                <TableCell>{event.eventId}</TableCell>
                                <TableCell sx={{ width: '100%' }}>
                                    <Typography
                                        variant="body2"
                                        sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
                                    >
                                        {shortType(event.eventType)}
                                        {subjectOf(event.attributes) && (
                                            <Box component="span" sx={{ color: 'text.secondary' }}>
                                                {` · ${subjectOf(event.attributes)}`}
                                            </Box>
                                        )}
                                    </Typography>
                                    <Typography variant="caption" color="text.secondary">
                                        {translate('qinglan.processes.event_time')}：
                                        <DateTimeText value={event.eventTime} />
                                    </Typography>
                                    <Attributes event={event} />
                                </TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            </Box>
        </>
    );
};
