import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Shown in the app bar before the page title. */
export const AppTitle = () => {
    const translate = useTranslate();
    return (
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mr: 2, whiteSpace: 'nowrap' }}>
            <Typography variant="h6" component="span" sx={{ fontWeight: 600 }}>
                {translate('qinglan.title')}
            </Typography>
        </Box>
    );
};
