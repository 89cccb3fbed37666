import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';
import { StatCard } from './stat-card';

/** 流程异常: open incidents in scope, opening the process list filtered to 异常. */
export const IncidentCard = () => {
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const { data, isPending } = useQuery({
        queryKey: ['incidents'],
        queryFn: () => dataProvider.getIncidents(),
        retry: false,
    });
    return (
        <StatCard
            name="incidents"
            icon={<ReportProblemIcon />}
            value={data?.total}
            isPending={isPending}
            to={`/processes?filter=${encodeURIComponent(JSON.stringify({ status: 'incident' }))}`}
        />
    );
};
