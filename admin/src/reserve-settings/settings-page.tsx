import EditIcon from '@mui/icons-material/Edit';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { httpClient } from '../http';
import { mayChangeReserveRules } from '../roles';
import { useChangedLine } from './changed-line';
import { RulesTable } from './rules-table';
import { SettingsForm } from './settings-form';
import { VersionList } from './version-list';
import type { SettingsVersion } from './types';

const BASE = '/api/county-settings/reserve-pool';

/**
 * 后备干部规则: the rules in force for everyone to read; the county admin edits them into a new
 * version (the one edited is sent along, a stale edit answers 409), and the past versions below.
 */
export const SettingsPage = () => {
    const translate = useTranslate();
    const { permissions } = usePermissions();
    const mayChange = mayChangeReserveRules(permissions);
    const changedLine = useChangedLine();
    /** The version the admin is editing (sent as baseVersion), null when not editing. */
    const [base, setBase] = useState<SettingsVersion | null>(null);
    /** Someone else saved meanwhile (409): the edit stays on screen until the admin reloads. */
    const [stale, setStale] = useState(false);
    const current = useQuery({
        queryKey: ['reserve-settings'],
        queryFn: async () => (await httpClient(BASE)).json as SettingsVersion,
    });
    const versions = useQuery({
        queryKey: ['reserve-settings', 'versions'],
        queryFn: async () => (await httpClient(`${BASE}/versions`)).json as SettingsVersion[],
    });
    const refresh = async () => {
        await Promise.all([current.refetch(), versions.refetch()]);
    };
    const data = current.data;
    return (
        <Box className="qinglan-reserve-settings" sx={{ py: 2, maxWidth: 960 }}>
            <Title title={translate('qinglan.settings.title')} />
            {current.isPending && <LinearProgress />}
            {current.error && <Alert severity="error">{current.error.message}</Alert>}
            {data && (
                <Card sx={{ mb: 2 }}>
                    <CardContent>
                        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 1 }}>
                            <Box sx={{ flexGrow: 1 }}>
                                <Typography variant="h6" component="h2" className="qinglan-settings-current">
                                    {translate('qinglan.settings.current', { version: data.version })}
                                </Typography>
                                <Typography variant="body2" color="text.secondary">
                                    {changedLine(data)}
                                    {data.reason ? `：${data.reason}` : ''}
                                </Typography>
                            </Box>
                            {mayChange && !base && (
                                <Button
                                    variant="outlined"
                                    startIcon={<EditIcon />}
                                    onClick={() => setBase(data)}
                                    className="qinglan-settings-edit"
                                >
                                    {translate('qinglan.settings.edit')}
                                </Button>
                            )}
                        </Box>
                        {!mayChange && (
                            <Alert severity="info" sx={{ mb: 2 }}>
                                {translate('qinglan.settings.read_only')}
                            </Alert>
                        )}
                        {/* shown once the newer version has been read, so it names that one */}
                        {stale && base && data.version > base.version && (
                            <Alert
                                severity="warning"
                                className="qinglan-settings-stale"
                                sx={{ mb: 2 }}
                                action={
                                    <Button
                                        color="inherit"
                                        size="small"
                                        startIcon={<RefreshIcon />}
                                        onClick={() => {
                                            setStale(false);
                                            setBase(data);
                                        }}
                                    >
                                        {translate('qinglan.settings.reload')}
                                    </Button>
                                }
                            >
                                {translate('qinglan.settings.stale', { version: data.version })}
                            </Alert>
                        )}
                        {base ? (
                            <SettingsForm
                                // a fresh form from the version in force once the admin reloads
                                key={base.version}
                                current={base}
                                stale={stale}
                                onSaved={() => {
                                    setBase(null);
                                    void refresh();
                                }}
                                onStale={() => {
                                    setStale(true);
                                    void refresh();
                                }}
                                onCancel={() => {
                                    setStale(false);
                                    setBase(null);
                                }}
                            />
                        ) : (
                            <RulesTable settings={data.settings} />
                        )}
                    </CardContent>
                </Card>
            )}
            {versions.data && <VersionList versions={versions.data} />}
        </Box>
    );
};
