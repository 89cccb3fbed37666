import { Box, Divider, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled block of a cadre's record. */
export const Section = ({ title, children }: { title: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Box component="section" sx={{ mb: 3 }}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, color: 'primary.main' }}>
                {translate(title)}
            </Typography>
            <Divider sx={{ mb: 1.5 }} />
            {children}
        </Box>
    );
};

/** Fields laid out side by side, wrapping on narrow screens. */
export const FieldRow = ({ children }: { children: ReactNode }) => (
    <Box
        sx={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
            columnGap: 3,
            rowGap: 1,
        }}
    >
        {children}
    </Box>
);
