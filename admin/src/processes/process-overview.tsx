import { Box, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { ProcessDiagram } from './process-diagram';
import { ProcessHeader } from './process-header';
import { ProcessTimeline } from './process-timeline';
import type { ProcessDetail } from './types';
import { useProcessDefinition } from './use-definitions';

const Block = ({ title, children }: { title: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Box component="section">
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, color: 'primary.main', mb: 1 }}>
                {translate(title)}
            </Typography>
            {children}
        </Box>
    );
};

/** Header, the steps diagram and the timeline of one process. */
export const ProcessOverview = ({ process }: { process: ProcessDetail }) => {
    const definition = useProcessDefinition(process.type);
    // the list's copy of the record shows first: it has no timeline until the process itself arrives
    const loaded = Array.isArray(process.timeline) && Array.isArray(process.path);
    return (
        <>
            <ProcessHeader process={process} />
            {!loaded && <LinearProgress />}
            <Box
                sx={{
                    display: 'grid',
                    gap: 3,
                    gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: '420px minmax(0, 1fr)' },
                    alignItems: 'start',
                }}
            >
                <Block title="qinglan.processes.diagram">
                    {definition && loaded ? (
                        <ProcessDiagram definition={definition} process={process} />
                    ) : (
                        <LinearProgress />
                    )}
                </Block>
                <Block title="qinglan.processes.timeline">
                    {loaded && <ProcessTimeline entries={process.timeline} />}
                </Block>
            </Box>
        </>
    );
};
