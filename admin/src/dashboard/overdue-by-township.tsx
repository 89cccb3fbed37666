import { Button, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { LinkBase, useGetList, useTranslate, type Identifier } from 'react-admin';
import type { Task } from '../tasks';
import type { Township } from '../types';
import { overdueTasksPath } from './overdue-link';
import { useUrgeOverdue } from './use-urge';

// The API pages at most 500 rows; beyond that the card says the counts are partial.
const MAX_ROWS = 500;

/** The county's view: overdue tasks per township, each with its own 一键催办. */
export const OverdueByTownship = () => {
    const translate = useTranslate();
    const {
        data: tasks = [],
        total = 0,
        refetch,
        isPending,
    } = useGetList<Task>('tasks', {
        filter: { overdue: true },
        pagination: { page: 1, perPage: MAX_ROWS },
        sort: { field: 'dueAt', order: 'ASC' },
    });
    const { data: townships = [] } = useGetList<Township>('townships', {
        pagination: { page: 1, perPage: 100 },
        sort: { field: 'code', order: 'ASC' },
    });
    const { urge, pending } = useUrgeOverdue(() => refetch());

    const counts = new Map<Identifier, number>();
    for (const task of tasks) {
        if (task.townshipId != null) counts.set(task.townshipId, (counts.get(task.townshipId) ?? 0) + 1);
    }
    const rows = townships
        .filter((township) => counts.has(township.id))
        .sort((a, b) => counts.get(b.id)! - counts.get(a.id)!);

    if (isPending) return null;
    if (rows.length === 0) {
        return (
            <Typography variant="body2" color="text.secondary">
                {translate('qinglan.overdue.none')}
            </Typography>
        );
    }
    return (
        <>
            <Table size="small" className="qinglan-overdue-table">
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('resources.tasks.fields.townshipId')}</TableCell>
                        <TableCell align="right">{translate('qinglan.overdue.count')}</TableCell>
                        <TableCell />
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map((township) => (
                        <TableRow key={township.id} data-township={township.id}>
                            <TableCell>
                                <Link component={LinkBase} to={overdueTasksPath(township.id)}>
                                    {township.name}
                                </Link>
                            </TableCell>
                            <TableCell align="right" sx={{ color: 'error.main', fontWeight: 600 }}>
                                {counts.get(township.id)}
                            </TableCell>
                            <TableCell align="right">
                                <Button size="small" onClick={() => urge(township.id)} disabled={pending !== null}>
                                    {translate('qinglan.overdue.urge')}
                                </Button>
                            </TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
            {total > tasks.length && (
                <Typography variant="caption" color="text.secondary">
                    {translate('qinglan.overdue.partial', { shown: tasks.length, total })}
                </Typography>
            )}
        </>
    );
};
