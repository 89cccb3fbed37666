import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ApartmentIcon from '@mui/icons-material/Apartment';
import CottageIcon from '@mui/icons-material/Cottage';
import EmojiPeopleIcon from '@mui/icons-material/EmojiPeople';
import FiberNewIcon from '@mui/icons-material/FiberNew';
import GroupsIcon from '@mui/icons-material/Groups';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import SchoolIcon from '@mui/icons-material/School';
import { Alert, Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, Title, useDataProvider, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';
import { can, isPersonalRole } from '../roles';
import type { Stats } from '../types';
import { IncidentCard } from './incident-card';
import { OverdueCard } from './overdue-card';
import { StatCard } from './stat-card';

const listPath = (resource: string, filter?: Record<string, unknown>) =>
    filter ? `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}` : `/${resource}`;

interface CardSpec {
    name: keyof Stats;
    icon: ReactNode;
    resource?: string;
    filter?: Record<string, unknown>;
}

const CARDS: CardSpec[] = [
    { name: 'townships', icon: <LocationCityIcon />, resource: 'townships' },
    { name: 'villages', icon: <CottageIcon />, resource: 'villages', filter: { kind: 'village' } },
    { name: 'communities', icon: <ApartmentIcon />, resource: 'villages', filter: { kind: 'community' } },
    { name: 'cadres', icon: <GroupsIcon />, resource: 'cadres' },
    { name: 'newlyElected', icon: <FiberNewIcon />, resource: 'cadres', filter: { newlyElected: true } },
    { name: 'newSecretaries', icon: <AccountTreeIcon /> },
    { name: 'mentors', icon: <SchoolIcon />, resource: 'cadres', filter: { isMentor: true } },
    // 后备干部: the pool page (试用期 and 在库, as the count)
    { name: 'reserves', icon: <EmojiPeopleIcon />, resource: 'reserves', filter: { status: ['trial', 'in_pool'] } },
];

export const Dashboard = () => {
    const translate = useTranslate();
    const { permissions } = usePermissions();
    const { identity } = useGetIdentity();
    // mentors and cadres have no dashboard: their page is their own record
    const personal = isPersonalRole(permissions);
    const dataProvider = useDataProvider<QinglanDataProvider>();
    // `GET /api/stats`: the counts within the signed-in user's scope
    const {
        data: stats,
        error,
        isPending,
    } = useQuery({
        queryKey: ['stats'],
        queryFn: () => dataProvider.getStats(),
        enabled: !personal && permissions != null,
        retry: false,
    });

    if (personal) return <Navigate to="/cadres" replace />;

    return (
        <Box sx={{ mt: 2 }} className="qinglan-dashboard">
            <Title title="qinglan.dashboard.title" />
            <Typography variant="h5" component="h2" gutterBottom>
                {identity?.fullName
                    ? translate('qinglan.dashboard.welcome', { name: identity.fullName })
                    : translate('qinglan.full_title')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {translate('qinglan.dashboard.scope')}
            </Typography>
            {error && (
                <Alert severity="error" sx={{ mb: 2 }}>
                    {translate('qinglan.dashboard.load_error')}: {error.message}
                </Alert>
            )}
            <Box
                sx={{
                    display: 'grid',
                    gap: 2,
                    gridTemplateColumns: {
                        xs: '1fr',
                        sm: 'repeat(2, 1fr)',
                        md: 'repeat(4, 1fr)',
                    },
                }}
            >
                {CARDS.map((card) => (
                    <StatCard
                        key={card.name}
                        name={card.name}
                        icon={card.icon}
                        value={stats?.[card.name]}
                        isPending={isPending}
                        to={
                            card.resource && can(permissions, card.resource, 'list')
                                ? listPath(card.resource, card.filter)
                                : undefined
                        }
                    />
                ))}
                {can(permissions, 'processes', 'list') && <IncidentCard />}
            </Box>
            <OverdueCard />
        </Box>
    );
};
