import {
    Alert,
    Box,
    Card,
    CardContent,
    Chip,
    LinearProgress,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Tooltip,
    Typography,
    useMediaQuery,
    type Theme,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Link, Title, usePermissions, useTranslate } from 'react-admin';
import type { UseCriterion } from '../../../domain/reserve-use-ranking';
import { errorMessageOf } from '../common';
import { httpClient } from '../http';
import { mayUseReserves } from '../roles';
import { rankingUrl } from './reserve-api';
import { StatusChip } from './reserve-status-chip';
import { UseReserveButton } from './use-dialog';

/** A row of GET /api/processes/reserve-cultivation/villages/{id}/use-ranking. */
export interface RankedReserve {
    rank: number;
    reserveId: number;
    personId: number;
    name: string;
    status: 'trial' | 'in_pool';
    enteredOn: string | null;
    mentorName: string | null;
    reviews: { year: number; result: 'pass' | 'fail' }[];
    failYears: number;
    passYears: number;
    trainings: number;
    placements: number;
    trialCompleted: boolean;
    trialCompletedOn: string | null;
    aheadOfNextBy: UseCriterion | null;
    canUse: boolean;
}
interface Ranking {
    villageId: number;
    villageName: string;
    townshipName: string;
    rows: RankedReserve[];
}

/** The console path of a village's ranking. */
export const rankingPath = (villageId: number | string) => `/reserve-use/${encodeURIComponent(String(villageId))}`;

const Reviews = ({ row }: { row: RankedReserve }) => {
    const translate = useTranslate();
    if (!row.reviews.length)
        return (
            <Typography variant="body2" color="text.secondary">
                {translate('qinglan.reserve_use.no_reviews')}
            </Typography>
        );
    return (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {row.reviews.map((r) => (
                <Chip
                    key={r.year}
                    size="small"
                    variant={r.result === 'pass' ? 'outlined' : 'filled'}
                    color={r.result === 'pass' ? 'success' : 'error'}
                    label={`${r.year} ${translate(`qinglan.pool.review.${r.result}`)}`}
                    className="qinglan-use-review"
                    data-result={r.result}
                />
            ))}
        </Stack>
    );
};

/** Why the row is where it is, in the clerk's words. */
const useReasons = () => {
    const translate = useTranslate();
    return {
        training: (r: RankedReserve) =>
            translate('qinglan.reserve_use.training_counts', { trainings: r.trainings, placements: r.placements }),
        trial: (r: RankedReserve) =>
            r.trialCompletedOn
                ? translate('qinglan.reserve_use.trial_done', { day: r.trialCompletedOn })
                : translate('qinglan.reserve_use.trial_running'),
        why: (r: RankedReserve) =>
            r.aheadOfNextBy
                ? translate(`qinglan.reserve_use.criterion.${r.aheadOfNextBy}`)
                : translate('qinglan.reserve_use.last'),
    };
};

const UseAction = ({ row, onDone }: { row: RankedReserve; onDone: () => void }) => {
    const translate = useTranslate();
    const button = (
        <span>
            <UseReserveButton reserveId={row.reserveId} name={row.name} disabled={!row.canUse} onDone={onDone} />
        </span>
    );
    return row.canUse ? button : <Tooltip title={translate('qinglan.reserve_use.cannot_use')}>{button}</Tooltip>;
};

const Cell = ({ children, nowrap }: { children: ReactNode; nowrap?: boolean }) => (
    <TableCell sx={nowrap ? { whiteSpace: 'nowrap' } : undefined}>{children}</TableCell>
);

/**
 * 使用推荐: a village's reserves in the county's order for a vacant seat or an election, each row
 * with its review years, training and trial, and the criterion that puts it ahead of the next.
 */
export const UseRankingPage = () => {
    const { villageId = '' } = useParams();
    const translate = useTranslate();
    const { permissions } = usePermissions();
    const canUse = mayUseReserves(permissions);
    const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
    const reasons = useReasons();
    const { data, error, isFetching, refetch } = useQuery({
        queryKey: ['reserve-use-ranking', villageId],
        retry: false,
        queryFn: async () => (await httpClient(rankingUrl(villageId))).json as Ranking,
    });
    const done = () => void refetch();
    const title = data
        ? translate('qinglan.reserve_use.ranking_title', { village: `${data.townshipName} ${data.villageName}` })
        : translate('qinglan.reserve_use.ranking');
    return (
        <Card sx={{ mt: 2 }} className="qinglan-use-ranking">
            <Title title={title} />
            <CardContent>
                <Typography variant="h6" component="h2" gutterBottom>
                    {title}
                </Typography>
                <Alert severity="info" sx={{ mb: 2 }} className="qinglan-use-rule">
                    {translate('qinglan.reserve_use.ranking_help')}
                </Alert>
                {isFetching && <LinearProgress />}
                {error && <Alert severity="error">{errorMessageOf(error)}</Alert>}
                {data && data.rows.length === 0 && (
                    <Typography color="text.secondary">{translate('qinglan.reserve_use.ranking_empty')}</Typography>
                )}
                {data && data.rows.length > 0 && phone && (
                    <Stack spacing={1.5} className="qinglan-use-rows">
                        {data.rows.map((row) => (
                            <Card
                                key={row.reserveId}
                                variant="outlined"
                                className="qinglan-use-row"
                                data-reserve={row.reserveId}
                            >
                                <CardContent sx={{ '&:last-child': { pb: 2 } }}>
                                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                                        <Typography variant="h6" component="span" color="primary">
                                            {row.rank}
                                        </Typography>
                                        <Link to={`/reserves/${row.reserveId}/show`}>{row.name}</Link>
                                        <StatusChip status={row.status} />
                                    </Stack>
                                    <Reviews row={row} />
                                    <Typography variant="body2" sx={{ mt: 1 }}>
                                        {reasons.training(row)} · {translate('qinglan.reserve_use.trial')}{' '}
                                        {reasons.trial(row)}
                                    </Typography>
                                    <Typography variant="body2" color="text.secondary" className="qinglan-use-why">
                                        {translate('qinglan.reserve_use.why')}：{reasons.why(row)}
                                    </Typography>
                                    {canUse && (
                                        <Box sx={{ mt: 1 }}>
                                            <UseAction row={row} onDone={done} />
                                        </Box>
                                    )}
                                </CardContent>
                            </Card>
                        ))}
                    </Stack>
                )}
                {data && data.rows.length > 0 && !phone && (
                    <Box sx={{ overflowX: 'auto' }}>
                        <Table size="small" className="qinglan-use-rows">
                            <TableHead>
                                <TableRow>
                                    <Cell nowrap>{translate('qinglan.reserve_use.rank')}</Cell>
                                    <Cell nowrap>{translate('qinglan.reserve_use.name')}</Cell>
                                    <Cell nowrap>{translate('qinglan.reserve_use.status')}</Cell>
                                    <Cell>{translate('qinglan.reserve_use.reviews')}</Cell>
                                    <Cell nowrap>{translate('qinglan.reserve_use.training')}</Cell>
                                    <Cell nowrap>{translate('qinglan.reserve_use.trial')}</Cell>
                                    <Cell>{translate('qinglan.reserve_use.why')}</Cell>
                                    {canUse && <Cell>{''}</Cell>}
                                </TableRow>
                            </TableHead>
                            <TableBody>
                                {data.rows.map((row) => (
                                    <TableRow
                                        key={row.reserveId}
                                        className="qinglan-use-row"
                                        data-reserve={row.reserveId}
                                    >
                                        <Cell>{row.rank}</Cell>
                                        <Cell nowrap>
                                            <Link to={`/reserves/${row.reserveId}/show`}>{row.name}</Link>
                                        </Cell>
                                        <Cell>
                                            <StatusChip status={row.status} />
                                        </Cell>
                                        <Cell>
                                            <Reviews row={row} />
                                        </Cell>
                                        <Cell nowrap>{reasons.training(row)}</Cell>
                                        <Cell nowrap>{reasons.trial(row)}</Cell>
                                        <TableCell className="qinglan-use-why">{reasons.why(row)}</TableCell>
                                        {canUse && (
                                            <Cell nowrap>
                                                <UseAction row={row} onDone={done} />
                                            </Cell>
                                        )}
                                    </TableRow>
                                ))}
                            </TableBody>
                        </Table>
                    </Box>
                )}
            </CardContent>
        </Card>
    );
};
