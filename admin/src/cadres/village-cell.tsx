import { Box } from '@mui/material';
import { ReferenceField } from 'react-admin';

/** Village, with its township underneath: one column instead of two. */
export const VillageCell = (_props: { source?: string; label?: string; sortBy?: string }) => (
    <Box>
        <ReferenceField source="villageId" reference="villages" link={false} />
        <Box sx={{ color: 'text.secondary', fontSize: '0.75rem' }}>
            <ReferenceField source="townshipId" reference="townships" link={false} />
        </Box>
    </Box>
);
