import { Alert, AlertTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useServiceProblem } from './service-health';

/**
 * A plain notice while a part of the server is down or restarting (the start command brings it
 * back by itself): what is down, that nothing already sent is lost, and to try again shortly.
 * It goes away by itself once /api/health answers that all is well.
 */
export const ServiceStatusBanner = () => {
    const problem = useServiceProblem();
    const translate = useTranslate();
    if (!problem) return null;
    return (
        <Alert
            severity="warning"
            role="alert"
            data-testid="service-status-banner"
            data-problem={problem}
            sx={{ borderRadius: 0, mb: 1 }}
        >
            <AlertTitle>{translate(`qinglan.serviceStatus.${problem}.title`)}</AlertTitle>
            {translate(`qinglan.serviceStatus.${problem}.body`)}
        </Alert>
    );
};
