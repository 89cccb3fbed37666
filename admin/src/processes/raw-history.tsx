import { Alert, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { DateTimeText } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import type { HistoryEvent } from './types';

/** 原始事件: the process's Temporal event history, as stored (auditor and county admin). */
export const RawHistory = ({ processId }: { processId: string }) => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const [events, setEvents] = useState<HistoryEvent[]>();
    const [error, setError] = useState<Error>();
    useEffect(() => {
        let active = true;
        dataProvider
            .getProcessHistory(processId)
            .then((value) => active && setEvents(value))
            .catch((failure: Error) => active && setError(failure));
        return () => {
            active = false;
        };
    }, [dataProvider, processId]);

    if (error) return <Alert severity="error">{error.message}</Alert>;
    if (!events) return <LinearProgress />;
    return (
        <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('qinglan.processes.history_hint', { count: events.length })}
            </Typography>
            <Table size="small" className="qinglan-raw-history">
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('qinglan.processes.event_id')}</TableCell>
                        <TableCell>{translate('qinglan.processes.event_type')}</TableCell>
                        <TableCell>{translate('qinglan.processes.event_time')}</TableCell>
                    </TableRow>
                </TableHead>
                <TableBody>
                    {events.map((event) => (
                        <TableRow key={event.eventId}>
                            <TableCell>{event.eventId}</TableCell>
                            <TableCell sx={{ fontFamily: 'monospace' }}>{event.eventType}</TableCell>
                            <TableCell>
                                <DateTimeText value={event.eventTime} />
                            </TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </>
    );
};
