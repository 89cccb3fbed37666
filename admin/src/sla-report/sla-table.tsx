import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SlaRow } from './types';

const COLUMNS: { key: keyof SlaRow; label: string; numeric?: boolean }[] = [
    { key: 'townshipName', label: 'township' },
    { key: 'stepName', label: 'step' },
    { key: 'open', label: 'open', numeric: true },
    { key: 'overdueOpen', label: 'overdue_open', numeric: true },
    { key: 'decided', label: 'decided', numeric: true },
    { key: 'decidedLate', label: 'decided_late', numeric: true },
    { key: 'avgHours', label: 'avg_hours', numeric: true },
    { key: 'p90Hours', label: 'p90_hours', numeric: true },
];

/** The figures per township and step, as the spreadsheet has them; overdue counts in red. */
export const SlaTable = ({ rows }: { rows: SlaRow[] }) => {
    const translate = useTranslate();
    return (
        <TableContainer sx={{ overflowX: 'auto' }}>
            <Table size="small" className="qinglan-sla-table">
                <TableHead>
                    <TableRow>
                        {COLUMNS.map((c) => (
                            <TableCell key={c.key} align={c.numeric ? 'right' : 'left'} sx={{ whiteSpace: 'nowrap' }}>
                                {translate(`qinglan.sla.${c.label}`)}
                            </TableCell>
                        ))}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {rows.map((row) => (
                        <TableRow key={`${row.townshipId}-${row.step}`}>
                            {COLUMNS.map((c) => {
                                const value = row[c.key];
                                const late = (c.key === 'overdueOpen' || c.key === 'decidedLate') && Number(value) > 0;
                                return (
                                    <TableCell
                                        key={c.key}
                                        align={c.numeric ? 'right' : 'left'}
                                        sx={{ whiteSpace: 'nowrap', color: late ? 'error.main' : undefined }}
                                    >
                                        {value ?? '—'}
                                    </TableCell>
                                );
                            })}
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </TableContainer>
    );
};
