import AlarmIcon from '@mui/icons-material/Alarm';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import { useGetIdentity, usePermissions, useTranslate, type Identifier } from 'react-admin';
import { OverdueByTownship } from './overdue-by-township';
import { TownshipOverdue } from './township-overdue';

/** 逾期督办: per township for the county, the own township for a township officer. */
export const OverdueCard = () => {
    const translate = useTranslate();
    const { permissions } = usePermissions();
    const { identity } = useGetIdentity();
    const county = permissions === 'county_admin';
    const townshipId = identity?.townshipId as Identifier | null | undefined;
    if (!county && !(permissions === 'township_officer' && townshipId)) return null;
    return (
        <Card className="qinglan-overdue-card" sx={{ mt: 2 }}>
            <CardContent>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
                    <AlarmIcon color="error" />
                    <Typography variant="h6" component="h3">
                        {translate('qinglan.overdue.title')}
                    </Typography>
                </Stack>
                {county ? <OverdueByTownship /> : <TownshipOverdue townshipId={townshipId!} />}
            </CardContent>
        </Card>
    );
};
