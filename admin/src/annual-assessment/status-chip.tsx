import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ResultStage, TownshipStage } from './types';

const COLORS = { final: 'success', notice: 'warning', answering: 'warning', ranked: 'info', closing: 'info' } as const;

/** Where a township's year (or one result) stands: 考核中, 待发布公示, 公示中, 异议处理中, 待确认结果, 已确定. */
export const RankingStatusChip = ({ stage }: { stage: TownshipStage | ResultStage }) => {
    const translate = useTranslate();
    const color = COLORS[stage as keyof typeof COLORS];
    return (
        <Chip
            size="small"
            data-status={stage}
            color={color ?? 'default'}
            variant={color ? 'filled' : 'outlined'}
            label={translate(`qinglan.assessment.status.${stage}`)}
            className="qinglan-assessment-status"
        />
    );
};
