import { Box, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { Show, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { mayReadHistory } from '../roles';
import { IncidentPanel } from './incident-panel';
import { ProcessActions } from './process-actions';
import { ProcessOverview } from './process-overview';
import { RawHistory } from './raw-history';
import type { ProcessDetail } from './types';

const ProcessShowContent = () => {
    const translate = useTranslate();
    const process = useRecordContext<ProcessDetail>();
    const { permissions } = usePermissions();
    const [tab, setTab] = useState(0);
    if (!process) return null;
    const history = mayReadHistory(permissions);
    return (
        <Box sx={{ p: { xs: 1.5, sm: 2 } }}>
            {process.incident && <IncidentPanel process={process} incident={process.incident} />}
            {history && (
                <Tabs value={tab} onChange={(_event, value: number) => setTab(value)} sx={{ mb: 2 }}>
                    <Tab label={translate('qinglan.processes.tab_overview')} />
                    <Tab label={translate('qinglan.processes.tab_history')} className="qinglan-tab-history" />
                </Tabs>
            )}
            {tab === 0 || !history ? (
                <ProcessOverview process={process} />
            ) : (
                <RawHistory processId={String(process.id)} />
            )}
        </Box>
    );
};

/** One process: header, diagram, timeline; the raw history for the auditor and the county. */
export const ProcessShow = () => (
    <Show actions={<ProcessActions />}>
        <ProcessShowContent />
    </Show>
);
