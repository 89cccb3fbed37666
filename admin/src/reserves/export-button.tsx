import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

/** Where the pool, with the list's filter, is downloaded as a spreadsheet. */
export const reserveExportUrl = (filter: Record<string, unknown>): string => {
    const query = new URLSearchParams();
    if (Object.keys(filter).length > 0) query.set('filter', JSON.stringify(filter));
    const qs = query.toString();
    return `/api/reserves/export.xlsx${qs ? `?${qs}` : ''}`;
};

/** 导出 Excel: the rows the list shows (every page), as the township's ledger (台账). */
export const ReserveExportButton = () => {
    const translate = useTranslate();
    const { filterValues } = useListContext();
    return (
        <Button
            size="small"
            startIcon={<DownloadIcon />}
            href={reserveExportUrl(filterValues ?? {})}
            download
            className="qinglan-reserve-export"
            sx={{ textTransform: 'none' }}
        >
            {translate('qinglan.pool.export')}
        </Button>
    );
};
