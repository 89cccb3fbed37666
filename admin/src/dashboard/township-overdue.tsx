import { Box, Button, Link, Typography } from '@mui/material';
import { LinkBase, useGetList, useTranslate, type Identifier } from 'react-admin';
import type { Task } from '../tasks';
import { overdueTasksPath } from './overdue-link';
import { useUrgeOverdue } from './use-urge';

/** A township officer's view: their township's overdue tasks and 一键催办. */
export const TownshipOverdue = ({ townshipId }: { townshipId: Identifier }) => {
    const translate = useTranslate();
    const {
        total = 0,
        isPending,
        refetch,
    } = useGetList<Task>('tasks', {
        filter: { overdue: true, townshipId },
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'dueAt', order: 'ASC' },
    });
    const { urge, pending } = useUrgeOverdue(() => refetch());
    return (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 3, flexWrap: 'wrap' }}>
            <Box>
                <Typography variant="body2" color="text.secondary">
                    {translate('qinglan.overdue.count')}
                </Typography>
                <Link component={LinkBase} to={overdueTasksPath(townshipId)} underline="hover">
                    <Typography
                        variant="h4"
                        component="span"
                        className="qinglan-overdue-count"
                        sx={{ color: total > 0 ? 'error.main' : 'text.primary' }}
                    >
                        {isPending ? '…' : total}
                    </Typography>
                </Link>
            </Box>
            <Button
                variant="contained"
                color="warning"
                disabled={isPending || total === 0 || pending !== null}
                onClick={() => urge(townshipId)}
                className="qinglan-urge-all"
            >
                {translate('qinglan.overdue.urge_all')}
            </Button>
        </Box>
    );
};
