import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

const COLORS = ['#90caf9', '#64b5f6', '#42a5f5', '#2196f3', '#1e88e5', '#1976d2', '#2e7d32'];

/**
 * 报名 → 资格 → 推荐 → 复审 → 笔试 → 面试 → 录用: one centred bar per stage with its count. Plain
 * boxes, not an SVG, so the labels keep their size on a phone.
 */
export const FunnelChart = ({ funnel }: { funnel: { stage: string; count: number }[] }) => {
    const translate = useTranslate();
    const largest = Math.max(1, ...funnel.map((f) => f.count));
    return (
        <Box
            role="img"
            aria-label={translate('qinglan.recruitment.funnel')}
            className="qinglan-recruitment-funnel"
            sx={{
                display: 'grid',
                gridTemplateColumns: 'max-content minmax(0, 1fr) 3em',
                columnGap: 1,
                rowGap: 0.75,
                alignItems: 'center',
                fontSize: '0.875rem',
            }}
        >
            {funnel.map((f, i) => {
                const label = translate(`qinglan.recruitment.stage.${f.stage}`, { _: f.stage });
                return (
                    <Box key={f.stage} data-stage={f.stage} data-count={f.count} sx={{ display: 'contents' }}>
                        <Box sx={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{label}</Box>
                        <Box
                            sx={{ display: 'flex', justifyContent: 'center', height: 20 }}
                            title={`${label}：${f.count}`}
                        >
                            <Box
                                sx={{
                                    width: `${(f.count / largest) * 100}%`,
                                    minWidth: f.count > 0 ? 4 : 0,
                                    bgcolor: COLORS[i % COLORS.length],
                                    borderRadius: 0.5,
                                }}
                            />
                        </Box>
                        <Box>{f.count}</Box>
                    </Box>
                );
            })}
        </Box>
    );
};
