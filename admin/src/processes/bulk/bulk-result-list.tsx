import { Alert, Box, Chip, LinearProgress, Link, List, ListItem, ListItemText, Typography } from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';
import type { BulkItemStatus, BulkOperation } from './bulk-types';

const COLORS: Record<BulkItemStatus, 'default' | 'success' | 'warning' | 'error'> = {
    pending: 'default',
    succeeded: 'success',
    skipped: 'warning',
    failed: 'error',
};

/** A running or finished bulk operation: progress, then 成功 / 跳过 with reason / 失败 with error per process. */
export const BulkResultList = ({ operation }: { operation: BulkOperation }) => {
    const translate = useTranslate();
    const percent = operation.total ? (operation.done / operation.total) * 100 : 100;
    return (
        <Box className="qinglan-bulk-result" data-status={operation.status}>
            <Typography variant="body2" className="qinglan-bulk-progress">
                {translate('qinglan.bulk.progress', operation)}
            </Typography>
            {operation.status === 'done' ? (
                <Alert severity={operation.failed > 0 ? 'error' : 'success'} sx={{ mb: 1 }}>
                    {translate('qinglan.bulk.summary', operation)}
                </Alert>
            ) : (
                <LinearProgress variant="determinate" value={percent} sx={{ my: 1 }} />
            )}
            <List dense sx={{ maxHeight: 300, overflowY: 'auto' }}>
                {operation.items.map((item) => (
                    <ListItem
                        key={item.processId}
                        disableGutters
                        divider
                        className="qinglan-bulk-result-item"
                        data-status={item.status}
                    >
                        <ListItemText
                            primary={
                                <Link component={LinkBase} to={`/processes/${encodeURIComponent(item.processId)}/show`}>
                                    {item.title ?? item.processId}
                                </Link>
                            }
                            secondary={
                                <Box
                                    component="span"
                                    sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}
                                >
                                    {item.townshipName && <span>{item.townshipName}</span>}
                                    <Chip
                                        size="small"
                                        color={COLORS[item.status]}
                                        label={translate(`qinglan.bulk.item.${item.status}`)}
                                    />
                                    {item.message && <span className="qinglan-bulk-message">{item.message}</span>}
                                </Box>
                            }
                        />
                    </ListItem>
                ))}
            </List>
        </Box>
    );
};
