import { Alert, Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ProcessStatusChip } from '../process-status-chip';
import { useStepName } from '../step-label';
import type { BulkPreview } from './bulk-types';

type Item = BulkPreview['items'][number];

const PreviewRow = ({ item }: { item: Item }) => {
    const translate = useTranslate();
    const stepName = useStepName(item.type);
    const where = [item.townshipName, item.subjectName, item.currentStep && stepName.byKey(item.currentStep)];
    return (
        <ListItem disableGutters divider className="qinglan-bulk-preview-item" data-skip={item.skip ? 'yes' : 'no'}>
            <ListItemText
                primary={item.title}
                secondary={
                    <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
                        <span>{where.filter(Boolean).join(' · ')}</span>
                        <ProcessStatusChip status={item.status} />
                        {item.skip && (
                            <Typography component="span" variant="body2" color="warning.main">
                                {translate('qinglan.bulk.will_skip', { reason: item.skip })}
                            </Typography>
                        )}
                    </Box>
                }
            />
        </ListItem>
    );
};

/** What a bulk action over the filter would do: how many match, which, and which are skipped why. */
export const BulkPreviewList = ({ preview }: { preview: BulkPreview }) => {
    const translate = useTranslate();
    if (preview.total === 0)
        return (
            <Alert severity="info" className="qinglan-bulk-preview">
                {translate('qinglan.bulk.none')}
            </Alert>
        );
    return (
        <Box className="qinglan-bulk-preview">
            <Alert severity={preview.acting > 0 ? 'warning' : 'info'} sx={{ mb: 1 }} className="qinglan-bulk-matched">
                {translate('qinglan.bulk.matched', preview)}
                {preview.truncated && ` ${translate('qinglan.bulk.truncated', { shown: preview.items.length })}`}
            </Alert>
            <List dense sx={{ maxHeight: 280, overflowY: 'auto' }}>
                {preview.items.map((item) => (
                    <PreviewRow key={item.id} item={item} />
                ))}
            </List>
        </Box>
    );
};
