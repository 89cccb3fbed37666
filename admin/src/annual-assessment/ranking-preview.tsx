import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { QinglanDataProvider } from '../data-provider';
import { ResultsTable } from './results-table';

/** The township's current ranking, shown on the steps that publish it and confirm it. */
export const RankingPreview = ({ year, townshipId }: { year: number; townshipId: number }) => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const {
        data: rows = [],
        error,
        isPending,
    } = useQuery({
        queryKey: ['assessment', 'results', year, townshipId],
        queryFn: () => dataProvider.getAssessmentResults(year, townshipId),
        retry: false,
    });
    return (
        <Box className="qinglan-ranking-preview" sx={{ mb: 2 }}>
            {isPending && <LinearProgress />}
            {error && <Alert severity="error">{error.message}</Alert>}
            {rows.length > 0 && (
                <>
                    <Typography variant="subtitle2" sx={{ mb: 1 }}>
                        {translate('qinglan.forms.ranking_preview', { version: rows[0].version })}
                    </Typography>
                    <Box sx={{ overflowX: 'auto', maxHeight: 360 }}>
                        <ResultsTable rows={rows} showTownship={false} />
                    </Box>
                </>
            )}
        </Box>
    );
};
