import { Box, Typography } from '@mui/material';
import { maxValue, minValue, NumberInput, required, TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { Task } from '../types';

/** One item of the cycle's rubric, as the step's context carries it. */
export interface RubricItem {
    key: string;
    name: string;
    weight: number;
    max: number;
}

export const rubricOf = (task: Pick<Task, 'context'>): RubricItem[] =>
    Array.isArray(task.context?.rubric) ? (task.context.rubric as RubricItem[]) : [];

/** The weighted total on a 0–100 scale, as the ranking computes it; null until every item has a score. */
export const weightedTotal = (rubric: RubricItem[], scores: Record<string, unknown> | undefined): number | null => {
    if (rubric.length === 0) return null;
    let total = 0;
    for (const item of rubric) {
        const score = scores?.[item.key];
        if (typeof score !== 'number' || Number.isNaN(score)) return null;
        total += (score / item.max) * 100 * item.weight;
    }
    return Math.round(total * 100) / 100;
};

const percent = (weight: number) => `${Math.round(weight * 1000) / 10}%`;

const WeightedTotal = ({ rubric }: { rubric: RubricItem[] }) => {
    const translate = useTranslate();
    const scores = useWatch({ name: 'form.scores' }) as Record<string, unknown> | undefined;
    const total = weightedTotal(rubric, scores);
    return (
        <Typography
            variant="subtitle1"
            className="qinglan-weighted-total"
            data-total={total ?? ''}
            sx={{ fontWeight: 600, my: 1 }}
        >
            {translate('qinglan.forms.weighted_total', { total: total === null ? '—' : total.toFixed(2) })}
        </Typography>
    );
};

/** 乡镇评分 (and 重新评分): one score per rubric item, the weighted total as it is typed, a comment. */
export const ScoreForm = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    const rubric = rubricOf(task);
    return (
        <>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }} className="qinglan-score-inputs">
                {rubric.map((item) => (
                    <NumberInput
                        key={item.key}
                        source={`form.scores.${item.key}`}
                        label={translate('qinglan.forms.score_item', { name: item.name, weight: percent(item.weight) })}
                        helperText={translate('qinglan.forms.score_range', { max: Math.min(item.max, 100) })}
                        validate={[required(), minValue(0), maxValue(Math.min(item.max, 100))]}
                        min={0}
                        max={Math.min(item.max, 100)}
                        step={1}
                        sx={{ minWidth: 200 }}
                    />
                ))}
            </Box>
            <WeightedTotal rubric={rubric} />
            <TextInput source="form.comment" label="qinglan.forms.score_comment" multiline minRows={2} fullWidth />
        </>
    );
};

/** A rescore starts from the scores given before. */
export const scoreDefaults = (task: Task) => {
    const previous = task.context?.previous;
    return previous && typeof previous === 'object' ? { scores: { ...(previous as Record<string, number>) } } : {};
};

/** Keeps only the numeric scores of the form. */
export const cleanScore = (form: Record<string, unknown>) => {
    const scores: Record<string, number> = {};
    for (const [key, value] of Object.entries((form.scores ?? {}) as Record<string, unknown>)) {
        if (typeof value === 'number' && !Number.isNaN(value)) scores[key] = value;
    }
    return { ...form, scores };
};
