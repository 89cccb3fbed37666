import { Alert } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';

/**
 * Which years the bundled holiday calendar knows. Later years count Monday to Friday until
 * the State Council's notice is entered here, so the county sees what is missing.
 */
export const BundledYearsNotice = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const { data } = useQuery({
        queryKey: ['calendar-overrides', 'bundled-years'],
        queryFn: () => dataProvider.getBundledCalendarYears(),
        retry: false,
    });
    const last = data?.last;
    if (last === undefined) return null;
    return (
        <Alert severity="info" className="qinglan-calendar-bundled" data-last={last} sx={{ mt: 2 }}>
            {translate('qinglan.calendar.bundled', { last, next: last + 1 })}
        </Alert>
    );
};
