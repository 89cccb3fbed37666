import { Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../common';
import { ProcessStatusChip } from './process-status-chip';
import type { ProcessDetail } from './types';

const Item = ({ label, children }: { label: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Box>
            <Typography variant="caption" color="text.secondary" component="div">
                {translate(label)}
            </Typography>
            <Typography variant="body2" component="div">
                {children}
            </Typography>
        </Box>
    );
};

/** Title, status, township, subject and dates of a process. */
export const ProcessHeader = ({ process }: { process: ProcessDetail }) => {
    const translate = useTranslate();
    return (
        <Box className="qinglan-process-header" sx={{ mb: 2 }}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
                <Typography variant="h6" component="h2" className="qinglan-process-title">
                    {process.title}
                </Typography>
                <ProcessStatusChip status={process.status} />
            </Stack>
            <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))' }}>
                <Item label="resources.processes.fields.type">
                    {translate(`qinglan.process_type.${process.type}`, { _: process.type })}
                </Item>
                <Item label="resources.processes.fields.townshipName">{process.townshipName ?? '—'}</Item>
                <Item label="resources.processes.fields.subjectName">{process.subjectName ?? '—'}</Item>
                <Item label="resources.processes.fields.currentStep">{process.currentStep ?? '—'}</Item>
                <Item label="resources.processes.fields.startedAt">
                    <DateTimeText value={process.startedAt} />
                </Item>
                {process.endedAt && (
                    <Item label="resources.processes.fields.endedAt">
                        <DateTimeText value={process.endedAt} />
                    </Item>
                )}
            </Box>
        </Box>
    );
};
