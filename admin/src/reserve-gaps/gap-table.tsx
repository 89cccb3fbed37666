import { Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { gapListPath, GAP_KEYS, type GapCounts, type GapKey, type TownshipGaps } from './types';

const Count = ({ gap, value, townshipId }: { gap: GapKey; value: number; townshipId?: number }) => {
    const path = gapListPath(gap, townshipId);
    if (!path || value === 0) return <>{value}</>;
    return (
        <MuiLink component={Link} to={path} color={value > 0 ? 'error' : 'inherit'} underline="hover">
            {value}
        </MuiLink>
    );
};

/** The gaps per township as figures, each leading to the reserves behind it. */
export const GapTable = ({ rows, totals }: { rows: TownshipGaps[]; totals: GapCounts }) => {
    const translate = useTranslate();
    return (
        <Table size="small" className="qinglan-gap-table" sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
            <TableHead>
                <TableRow>
                    <TableCell>{translate('qinglan.gaps.township')}</TableCell>
                    <TableCell align="right">{translate('qinglan.gaps.villages')}</TableCell>
                    <TableCell align="right">{translate('qinglan.gaps.reserves')}</TableCell>
                    {GAP_KEYS.map((key) => (
                        <TableCell key={key} align="right">
                            {translate(`qinglan.gaps.${key}`)}
                        </TableCell>
                    ))}
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map((row) => (
                    <TableRow key={row.townshipId} data-township={row.townshipId}>
                        <TableCell>{row.townshipName}</TableCell>
                        <TableCell align="right">{row.villages}</TableCell>
                        <TableCell align="right">{row.reserves}</TableCell>
                        {GAP_KEYS.map((key) => (
                            <TableCell key={key} align="right" data-gap={key}>
                                <Count gap={key} value={row[key]} townshipId={row.townshipId} />
                            </TableCell>
                        ))}
                    </TableRow>
                ))}
                {rows.length > 1 && (
                    <TableRow sx={{ '& td': { fontWeight: 600 } }} data-township="total">
                        <TableCell>{translate('qinglan.gaps.total')}</TableCell>
                        <TableCell align="right">{totals.villages}</TableCell>
                        <TableCell align="right">{totals.reserves}</TableCell>
                        {GAP_KEYS.map((key) => (
                            <TableCell key={key} align="right" data-gap={key}>
                                <Count gap={key} value={totals[key]} />
                            </TableCell>
                        ))}
                    </TableRow>
                )}
            </TableBody>
        </Table>
    );
};
