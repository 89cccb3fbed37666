import { Alert, Box, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';
import type { BulkPairingResult } from '../processes/types';

/** What 整乡发起 did: the pairings started, and the cadres skipped with the reason. */
export const BulkResult = ({ result }: { result: BulkPairingResult }) => {
    const translate = useTranslate();
    return (
        <Box className="qinglan-bulk-result">
            <Alert severity={result.started.length > 0 ? 'success' : 'info'} sx={{ mb: 1 }}>
                {translate('qinglan.mentor_pairing.bulk_summary', {
                    started: result.started.length,
                    skipped: result.skipped.length,
                })}
            </Alert>
            {result.started.length > 0 && (
                <>
                    <Typography variant="subtitle2">{translate('qinglan.mentor_pairing.bulk_started')}</Typography>
                    <List dense className="qinglan-bulk-started" sx={{ maxHeight: 220, overflowY: 'auto' }}>
                        {result.started.map((process) => (
                            <ListItem key={process.id} disableGutters>
                                <Link component={LinkBase} to={`/processes/${encodeURIComponent(process.id)}/show`}>
                                    {process.title}
                                </Link>
                            </ListItem>
                        ))}
                    </List>
                </>
            )}
            {result.skipped.length > 0 && (
                <>
                    <Typography variant="subtitle2">{translate('qinglan.mentor_pairing.bulk_skipped')}</Typography>
                    <List dense className="qinglan-bulk-skipped" sx={{ maxHeight: 220, overflowY: 'auto' }}>
                        {result.skipped.map((person) => (
                            <ListItem key={person.personId} disableGutters>
                                <ListItemText primary={person.name} secondary={person.reason} />
                            </ListItem>
                        ))}
                    </List>
                </>
            )}
        </Box>
    );
};
