import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useTranslate, type Identifier } from 'react-admin';
import { assessmentResultsXlsxUrl } from '../workflow-api';

/** 导出 Excel: the results of the chosen year (and township) as a spreadsheet. */
export const ExportButton = ({ year, townshipId }: { year: number; townshipId?: Identifier | null }) => {
    const translate = useTranslate();
    return (
        <Button
            size="small"
            variant="outlined"
            startIcon={<DownloadIcon />}
            href={assessmentResultsXlsxUrl(year, townshipId)}
            download
            className="qinglan-assessment-export"
        >
            {translate('qinglan.assessment.export')}
        </Button>
    );
};
