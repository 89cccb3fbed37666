import { Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useGetOne, useTranslate } from 'react-admin';
import { ProcessTimeline } from '../processes/process-timeline';
import type { ProcessDetail } from '../processes/types';

/** The timeline of the task's process, beside the task. */
export const TaskProcessTimeline = ({ processId }: { processId: string }) => {
    const translate = useTranslate();
    const { data, error } = useGetOne<ProcessDetail>('processes', { id: processId });
    return (
        <Card className="qinglan-task-timeline">
            <CardContent>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, color: 'primary.main', mb: 1 }}>
                    {translate('qinglan.processes.timeline')}
                </Typography>
                {error && <Typography color="error">{error.message}</Typography>}
                {/* a copy from the process list has no timeline: wait for the process itself */}
                {data?.timeline ? <ProcessTimeline entries={data.timeline} /> : !error && <LinearProgress />}
            </CardContent>
        </Card>
    );
};
