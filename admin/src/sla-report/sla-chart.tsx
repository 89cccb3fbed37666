import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SlaRow } from './types';

const COLORS = { avg: '#1976d2', p90: '#f57c00' } as const;
const LABEL_WIDTH = 150;
const WIDTH = 480;
const BAR = 9;
const ROW = 2 * BAR + 10;

/** Hours to decide per township and step: the average and the p90 as two bars (plain SVG). */
export const SlaChart = ({ rows }: { rows: SlaRow[] }) => {
    const translate = useTranslate();
    const decided = rows.filter((r) => r.avgHours != null);
    const largest = Math.max(1, ...decided.map((r) => r.p90Hours ?? r.avgHours ?? 0));
    const scale = (WIDTH - LABEL_WIDTH - 48) / largest;
    const title = translate('qinglan.sla.chart');
    return (
        <Box className="qinglan-sla-chart">
            <Stack direction="row" spacing={2} sx={{ mb: 1 }}>
                {(['avg', 'p90'] as const).map((key) => (
                    <Typography key={key} variant="caption" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                        <Box component="span" sx={{ width: 12, height: 12, bgcolor: COLORS[key] }} />
                        {translate(`qinglan.sla.${key}`)}
                    </Typography>
                ))}
            </Stack>
            <Box
                component="svg"
                viewBox={`0 0 ${WIDTH} ${decided.length * ROW + 4}`}
                role="img"
                aria-label={title}
                sx={{ width: '100%', maxWidth: 720, height: 'auto', display: 'block' }}
            >
                {decided.map((row, index) => {
                    const y = 4 + index * ROW;
                    const label = `${row.townshipName} · ${row.stepName}`;
                    return (
                        <g key={`${row.townshipId}-${row.step}`} className="qinglan-sla-bar">
                            <text
                                x={LABEL_WIDTH - 6}
                                y={y + BAR + 3}
                                textAnchor="end"
                                fontSize="10"
                                fill="currentColor"
                            >
                                {label.length > 16 ? `${label.slice(0, 15)}…` : label}
                            </text>
                            {(['avg', 'p90'] as const).map((key, i) => {
                                const value = (key === 'avg' ? row.avgHours : row.p90Hours) ?? 0;
                                const width = value * scale;
                                const top = y + i * BAR;
                                return (
                                    <g key={key}>
                                        <rect
                                            x={LABEL_WIDTH}
                                            y={top}
                                            width={Math.max(width, 1)}
                                            height={BAR - 1}
                                            fill={COLORS[key]}
                                        >
                                            <title>{`${label} ${translate(`qinglan.sla.${key}`)}：${value}`}</title>
                                        </rect>
                                        <text
                                            x={LABEL_WIDTH + width + 4}
                                            y={top + BAR - 2}
                                            fontSize="9"
                                            fill="currentColor"
                                        >
                                            {value}
                                        </text>
                                    </g>
                                );
                            })}
                        </g>
                    );
                })}
            </Box>
        </Box>
    );
};
