import { Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A card with a title and, on its right, the section's own buttons. */
export const Section = ({
    title,
    actions,
    children,
    className,
}: {
    title: string;
    actions?: ReactNode;
    children: ReactNode;
    className?: string;
}) => {
    const translate = useTranslate();
    return (
        <Card className={className} sx={{ mb: 2 }}>
            <CardContent>
                <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
                    <Typography
                        variant="subtitle1"
                        component="h2"
                        sx={{ fontWeight: 600, color: 'primary.main', flexGrow: 1 }}
                    >
                        {translate(title)}
                    </Typography>
                    {actions}
                </Stack>
                {children}
            </CardContent>
        </Card>
    );
};
