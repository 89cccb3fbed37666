import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Button } from '@mui/material';
import { Link, useTranslate } from 'react-admin';

/** The console path of a process's timeline (流程记录). */
export const processPath = (processId: string) => `/processes/${encodeURIComponent(processId)}/show`;

/** A small link to a process's timeline, when there is one. */
export const ProcessLink = ({
    processId,
    label = 'qinglan.pool.timeline',
}: {
    processId: string | null;
    label?: string;
}) => {
    const translate = useTranslate();
    if (!processId) return null;
    return (
        <Button
            size="small"
            component={Link}
            to={processPath(processId)}
            startIcon={<AccountTreeIcon fontSize="small" />}
            className="qinglan-process-link"
            data-process={processId}
        >
            {translate(label)}
        </Button>
    );
};
