import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

const COLORS = { draft: 'default', published: 'primary', closed: 'success', cancelled: 'warning' } as const;

/** 草稿 / 已发布 / 已结束 / 已取消 */
export const CampaignStatusChip = ({ status }: { status: string }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            color={COLORS[status as keyof typeof COLORS] ?? 'default'}
            label={translate(`qinglan.recruitment.campaign_status.${status}`, { _: status })}
            className="qinglan-campaign-status"
        />
    );
};
