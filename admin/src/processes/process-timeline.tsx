import { Box, Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DateTimeText } from '../common';
import { FormSummary } from './form-summary';
import { useStepName } from './step-label';
import type { TimelineEntry } from './types';

type ChipColor = 'default' | 'success' | 'error' | 'warning' | 'info' | 'primary';

const COLORS: Record<string, ChipColor> = {
    submit: 'success',
    approve: 'success',
    reject: 'error',
    return: 'warning',
    overdue: 'error',
    escalated: 'error',
    cancel_requested: 'warning',
    terminated: 'error',
    failed: 'error',
    timed_out: 'error',
    urged: 'warning',
    opened: 'info',
    ended_early: 'warning',
    mentor_reassigned: 'primary',
};

const nameOf = (person: unknown): string =>
    person && typeof person === 'object' && 'name' in person ? String((person as { name: unknown }).name) : '';

/** Lines some events add: the mentors of a replacement, the months of an extension. */
const Extra = ({ entry }: { entry: TimelineEntry }) => {
    const translate = useTranslate();
    const stepName = useStepName();
    const { detail } = entry;
    let text: string | undefined;
    if (entry.action === 'mentor_reassigned') {
        text = translate('qinglan.timeline.reassigned', { from: nameOf(detail.from), to: nameOf(detail.to) });
    } else if (entry.action === 'term_extended') {
        text = translate('qinglan.timeline.extended', { months: String(detail.months ?? '') });
    } else if (entry.action === 'return' && typeof detail.returnTo === 'string') {
        text = translate('qinglan.timeline.returned_to', {
            step: stepName.byKey(detail.returnTo),
        });
    }
    return text ? (
        <Typography variant="body2" color="text.secondary">
            {text}
        </Typography>
    ) : null;
};

/** The business timeline: who did what, at which step, when, and why; oldest first. */
export const ProcessTimeline = ({ entries }: { entries: TimelineEntry[] }) => {
    const translate = useTranslate();
    if (entries.length === 0) {
        return (
            <Typography variant="body2" color="text.secondary">
                {translate('qinglan.timeline.empty')}
            </Typography>
        );
    }
    return (
        <Box component="ol" className="qinglan-timeline" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {entries.map((entry) => (
                <Box
                    component="li"
                    key={entry.id}
                    className="qinglan-timeline-entry"
                    data-action={entry.action}
                    sx={{
                        position: 'relative',
                        pl: 2.5,
                        pb: 2,
                        borderLeft: '2px solid',
                        borderColor: 'divider',
                        ml: 0.75,
                    }}
                >
                    <Box
                        sx={{
                            position: 'absolute',
                            left: -7,
                            top: 4,
                            width: 12,
                            height: 12,
                            borderRadius: '50%',
                            bgcolor: entry.actorName ? 'primary.main' : 'grey.400',
                        }}
                    />
                    <Typography variant="caption" color="text.secondary" component="div">
                        <DateTimeText value={entry.at} />
                    </Typography>
                    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
                        <Box component="strong" className="qinglan-timeline-actor">
                            {entry.actorName ?? translate('qinglan.timeline.system')}
                        </Box>
                        <Chip
                            size="small"
                            className="qinglan-timeline-action"
                            color={COLORS[entry.action] ?? 'default'}
                            label={translate(`qinglan.timeline_action.${entry.action}`, { _: entry.action })}
                        />
                        {entry.stepName && (
                            <Box component="span" className="qinglan-timeline-step" sx={{ color: 'text.secondary' }}>
                                {entry.stepName}
                            </Box>
                        )}
                    </Box>
                    {entry.comment && (
                        <Typography
                            variant="body2"
                            className="qinglan-timeline-comment"
                            sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}
                        >
                            {entry.comment}
                        </Typography>
                    )}
                    <Extra entry={entry} />
                    <FormSummary form={entry.detail?.form} />
                </Box>
            ))}
        </Box>
    );
};
