import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { readRule, RULES, type ReservePoolSettings } from './types';

/** The rules of one version as label and value. */
export const RulesTable = ({ settings }: { settings: ReservePoolSettings }) => {
    const translate = useTranslate();
    const show = (kind: string, value: unknown) =>
        kind === 'boolean'
            ? translate(value ? 'qinglan.settings.yes' : 'qinglan.settings.no')
            : kind === 'education'
              ? translate(`qinglan.education.${String(value)}`)
              : String(value);
    return (
        <Table size="small" className="qinglan-settings-values">
            <TableBody>
                {RULES.map((rule) => (
                    <TableRow key={rule.key} data-rule={rule.key}>
                        <TableCell sx={{ color: 'text.secondary' }}>
                            {translate(`qinglan.settings.field.${rule.key}`)}
                        </TableCell>
                        <TableCell>{show(rule.kind, readRule(settings, rule.path))}</TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};
