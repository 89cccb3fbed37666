import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

const LABEL_WIDTH = 110;
const BAR_HEIGHT = 22;
const GAP = 6;
const WIDTH = 520;
const COLORS = ['#90caf9', '#64b5f6', '#42a5f5', '#2196f3', '#1e88e5', '#1976d2', '#2e7d32'];

/** 报名 → 资格 → 推荐 → 复审 → 笔试 → 面试 → 录用: one centred bar per stage, its count beside it (plain SVG). */
export const FunnelChart = ({ funnel }: { funnel: { stage: string; count: number }[] }) => {
    const translate = useTranslate();
    const largest = Math.max(1, ...funnel.map((f) => f.count));
    const room = WIDTH - LABEL_WIDTH - 40;
    const height = funnel.length * (BAR_HEIGHT + GAP) + GAP;
    return (
        <Box
            component="svg"
            viewBox={`0 0 ${WIDTH} ${height}`}
            role="img"
            aria-label={translate('qinglan.recruitment.funnel')}
            className="qinglan-recruitment-funnel"
            sx={{ width: '100%', maxWidth: WIDTH, height: 'auto', display: 'block' }}
        >
            {funnel.map((f, i) => {
                const y = GAP + i * (BAR_HEIGHT + GAP);
                const width = Math.max(f.count > 0 ? 2 : 0, (f.count / largest) * room);
                const x = LABEL_WIDTH + (room - width) / 2;
                const label = translate(`qinglan.recruitment.stage.${f.stage}`, { _: f.stage });
                return (
                    <g key={f.stage} data-stage={f.stage} data-count={f.count}>
                        <text
                            x={LABEL_WIDTH - 8}
                            y={y + BAR_HEIGHT - 6}
                            textAnchor="end"
                            fontSize="13"
                            fill="currentColor"
                        >
                            {label}
                        </text>
                        <rect x={x} y={y} width={width} height={BAR_HEIGHT} rx={3} fill={COLORS[i % COLORS.length]}>
                            <title>{`${label}：${f.count}`}</title>
                        </rect>
                        <text x={LABEL_WIDTH + room + 8} y={y + BAR_HEIGHT - 6} fontSize="13" fill="currentColor">
                            {f.count}
                        </text>
                    </g>
                );
            })}
        </Box>
    );
};
