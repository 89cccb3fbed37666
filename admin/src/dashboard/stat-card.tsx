import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { LinkBase, useTranslate } from 'react-admin';

interface StatCardProps {
    name: string;
    value?: number;
    icon: ReactNode;
    /** A list to open, e.g. /cadres?filter=… */
    to?: string;
    isPending?: boolean;
}

const CardBody = ({ name, value, icon, isPending }: StatCardProps) => {
    const translate = useTranslate();
    return (
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
            <Box sx={{ color: 'primary.main', display: 'flex', '& svg': { fontSize: 40 } }}>{icon}</Box>
            <Box>
                <Typography variant="body2" color="text.secondary">
                    {translate(`qinglan.dashboard.stats.${name}`)}
                </Typography>
                <Typography variant="h4" component="div" className="qinglan-stat-value" data-stat={name}>
                    {isPending ? <Skeleton width={60} /> : (value ?? 0).toLocaleString()}
                </Typography>
            </Box>
        </CardContent>
    );
};

export const StatCard = (props: StatCardProps) => (
    <Card className="qinglan-stat-card" data-stat={props.name} sx={{ height: '100%' }}>
        {props.to ? (
            <CardActionArea component={LinkBase} to={props.to} sx={{ height: '100%' }}>
                <CardBody {...props} />
            </CardActionArea>
        ) : (
            <CardBody {...props} />
        )}
    </Card>
);
