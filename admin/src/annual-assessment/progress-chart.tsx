import { Box, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useStepName } from '../processes/step-label';
import { PROGRESS_STEPS, STEP_COLORS } from './steps';
import type { AssessmentProgress } from './types';

const SEGMENTS = [...PROGRESS_STEPS, 'scored'] as const;
const LABEL_WIDTH = 120;
const BAR_HEIGHT = 18;
const GAP = 8;
const WIDTH = 640;

const countOf = (row: AssessmentProgress, segment: string) =>
    segment === 'scored' ? row.scored : (row.steps[segment] ?? 0);

/** Cadres of each township by step, as one stacked bar per township (plain SVG). */
export const ProgressChart = ({ rows }: { rows: AssessmentProgress[] }) => {
    const translate = useTranslate();
    const stepName = useStepName('annual-assessment');
    const totals = rows.map((row) => SEGMENTS.reduce((sum, segment) => sum + countOf(row, segment), 0));
    const largest = Math.max(1, ...totals);
    const scale = (WIDTH - LABEL_WIDTH - 40) / largest;
    const height = rows.length * (BAR_HEIGHT + GAP) + GAP;
    const labelOf = (segment: string) =>
        segment === 'scored' ? translate('qinglan.assessment.scored') : stepName.byKey(segment);
    return (
        <Box className="qinglan-assessment-chart">
            <Box
                component="svg"
                viewBox={`0 0 ${WIDTH} ${height}`}
                role="img"
                aria-label={translate('qinglan.assessment.chart')}
                sx={{ width: '100%', maxWidth: WIDTH, height: 'auto', display: 'block' }}
            >
                {rows.map((row, index) => {
                    const y = GAP + index * (BAR_HEIGHT + GAP);
                    let x = LABEL_WIDTH;
                    return (
                        <g key={row.townshipId} data-township={row.townshipId}>
                            <text
                                x={LABEL_WIDTH - 8}
                                y={y + BAR_HEIGHT - 4}
                                textAnchor="end"
                                fontSize="12"
                                fill="currentColor"
                            >
                                {row.townshipName}
                            </text>
                            {SEGMENTS.map((segment) => {
                                const count = countOf(row, segment);
                                if (count === 0) return null;
                                const width = count * scale;
                                const rect = (
                                    <rect
                                        key={segment}
                                        x={x}
                                        y={y}
                                        width={width}
                                        height={BAR_HEIGHT}
                                        fill={STEP_COLORS[segment]}
                                        data-step={segment}
                                    >
                                        <title>{`${labelOf(segment)}：${count}`}</title>
                                    </rect>
                                );
                                x += width;
                                return rect;
                            })}
                            <text x={x + 4} y={y + BAR_HEIGHT - 4} fontSize="12" fill="currentColor">
                                {totals[index]}
                            </text>
                        </g>
                    );
                })}
            </Box>
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mt: 1, fontSize: '0.8125rem' }}>
                {SEGMENTS.map((segment) => (
                    <Stack key={segment} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                        <Box sx={{ width: 12, height: 12, bgcolor: STEP_COLORS[segment], borderRadius: 0.5 }} />
                        <span>{labelOf(segment)}</span>
                    </Stack>
                ))}
            </Stack>
        </Box>
    );
};
