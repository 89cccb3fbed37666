/** The steps a cadre waits at, in their order, for the progress table and chart. */
export const PROGRESS_STEPS = [
    'self-report',
    'review',
    'score',
    'objection.answer',
    'rescore',
    'reminder-talk',
] as const;

/** Colours of the chart's bars, one per step and one for 已评分. */
export const STEP_COLORS: Record<string, string> = {
    'self-report': '#90caf9',
    review: '#42a5f5',
    score: '#1565c0',
    'objection.answer': '#ffb74d',
    rescore: '#f57c00',
    'reminder-talk': '#e57373',
    scored: '#66bb6a',
};
