import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export const DEMO_PASSWORD = 'demo';

const ACCOUNTS = [
    { username: 'admin', role: 'qinglan.login.demo_county_admin' },
    { username: 'officer-01', role: 'qinglan.login.demo_township_officer' },
    { username: 'village-001', role: 'qinglan.login.demo_village_secretary' },
];

/** Demo accounts of the demo data set; clicking one fills the form. */
export const DemoAccounts = ({ onPick }: { onPick: (username: string) => void }) => {
    const translate = useTranslate();
    return (
        <Box className="qinglan-demo-accounts" sx={{ mt: 3 }}>
            <Typography variant="subtitle2" gutterBottom>
                {translate('qinglan.login.demo_title')}
            </Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
                {ACCOUNTS.map((account) => (
                    <Chip
                        key={account.username}
                        size="small"
                        variant="outlined"
                        clickable
                        onClick={() => onPick(account.username)}
                        label={`${account.username} · ${translate(account.role)}`}
                    />
                ))}
                <Chip size="small" variant="outlined" label="…" disabled />
            </Stack>
            <Typography variant="caption" color="text.secondary">
                {translate('qinglan.login.demo_hint')}
            </Typography>
        </Box>
    );
};
