import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AssessmentProgress } from './types';

/** 考核中 until a ranking is published, 公示中 while it is on notice, 已定 once final. */
export const rankingStatus = (row: Pick<AssessmentProgress, 'rankingVersion' | 'final'>) =>
    row.final ? 'final' : row.rankingVersion > 0 ? 'notice' : 'ongoing';

export const RankingStatusChip = ({ row }: { row: Pick<AssessmentProgress, 'rankingVersion' | 'final'> }) => {
    const translate = useTranslate();
    const status = rankingStatus(row);
    return (
        <Chip
            size="small"
            data-status={status}
            color={status === 'final' ? 'success' : status === 'notice' ? 'warning' : 'default'}
            variant={status === 'ongoing' ? 'outlined' : 'filled'}
            label={translate(`qinglan.assessment.status.${status}`)}
        />
    );
};
