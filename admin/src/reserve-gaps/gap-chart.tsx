import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { GAP_COLORS, GAP_KEYS, type GapKey, type TownshipGaps } from './types';

const LABEL_WIDTH = 96;
const BAR_HEIGHT = 14;
const GAP = 6;
const WIDTH = 300;

/** One gap across the townships: a bar each, scaled to the largest (plain SVG). */
const Panel = ({ gap, rows }: { gap: GapKey; rows: TownshipGaps[] }) => {
    const translate = useTranslate();
    const largest = Math.max(1, ...rows.map((r) => r[gap]));
    const scale = (WIDTH - LABEL_WIDTH - 32) / largest;
    const height = rows.length * (BAR_HEIGHT + GAP) + GAP;
    const title = translate(`qinglan.gaps.${gap}`);
    return (
        <Box className="qinglan-gap-panel" data-gap={gap}>
            <Typography variant="subtitle2" sx={{ color: GAP_COLORS[gap] }}>
                {title}
            </Typography>
            <Box
                component="svg"
                viewBox={`0 0 ${WIDTH} ${height}`}
                role="img"
                aria-label={title}
                sx={{ width: '100%', height: 'auto', display: 'block' }}
            >
                {rows.map((row, index) => {
                    const y = GAP + index * (BAR_HEIGHT + GAP);
                    const width = row[gap] * scale;
                    return (
                        <g key={row.townshipId} data-township={row.townshipId}>
                            <text
                                x={LABEL_WIDTH - 6}
                                y={y + BAR_HEIGHT - 3}
                                textAnchor="end"
                                fontSize="11"
                                fill="currentColor"
                            >
                                {row.townshipName}
                            </text>
                            <rect
                                x={LABEL_WIDTH}
                                y={y}
                                width={WIDTH - LABEL_WIDTH - 32}
                                height={BAR_HEIGHT}
                                fill="#eceff1"
                            />
                            {width > 0 && (
                                <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} fill={GAP_COLORS[gap]}>
                                    <title>{`${row.townshipName} ${title}：${row[gap]}`}</title>
                                </rect>
                            )}
                            <text x={LABEL_WIDTH + width + 4} y={y + BAR_HEIGHT - 3} fontSize="11" fill="currentColor">
                                {row[gap]}
                            </text>
                        </g>
                    );
                })}
            </Box>
        </Box>
    );
};

/** The four gaps per township, side by side on a wide screen and one under another on a phone. */
export const GapChart = ({ rows }: { rows: TownshipGaps[] }) => (
    <Box
        className="qinglan-gap-chart"
        sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(4, 1fr)' },
        }}
    >
        {GAP_KEYS.map((gap) => (
            <Panel key={gap} gap={gap} rows={rows} />
        ))}
    </Box>
);
