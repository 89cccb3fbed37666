import { Accordion, AccordionDetails, AccordionSummary, Card, CardContent, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslate } from 'react-admin';
import { RulesTable } from './rules-table';
import { useChangedLine } from './changed-line';
import type { SettingsVersion } from './types';

/** 历史版本: every version, newest first, each opening onto its rules. */
export const VersionList = ({ versions }: { versions: SettingsVersion[] }) => {
    const translate = useTranslate();
    const changedLine = useChangedLine();
    return (
        <Card className="qinglan-settings-versions">
            <CardContent>
                <Typography variant="h6" component="h2" gutterBottom>
                    {translate('qinglan.settings.versions')}
                </Typography>
                {versions.map((v) => (
                    <Accordion key={v.version} disableGutters data-version={v.version}>
                        <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                            <Typography sx={{ fontWeight: 600, mr: 2 }}>
                                {translate('qinglan.settings.version')} {v.version}
                            </Typography>
                            <Typography color="text.secondary">
                                {changedLine(v)}
                                {v.reason ? `：${v.reason}` : ''}
                            </Typography>
                        </AccordionSummary>
                        <AccordionDetails>
                            <RulesTable settings={v.settings} />
                        </AccordionDetails>
                    </Accordion>
                ))}
            </CardContent>
        </Card>
    );
};
