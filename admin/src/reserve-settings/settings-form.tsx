import { Alert, Box, Button, Checkbox, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { HttpError, useNotify, useTranslate } from 'react-admin';
import { educationChoices } from '../choices';
import { errorMessageOf, fieldErrorsOf } from '../common';
import { httpClient } from '../http';
import { readRule, RULES, writeRule, type SettingsVersion } from './types';

/**
 * 修改规则: the county admin edits the version in force and saves a new one. The version edited
 * goes with it, so a change made meanwhile by someone else answers 409 instead of being lost.
 */
export const SettingsForm = ({
    current,
    stale,
    onSaved,
    onStale,
    onCancel,
}: {
    current: SettingsVersion;
    /** Someone else saved meanwhile: the page says so, and this form waits to be reloaded. */
    stale: boolean;
    onSaved: () => void;
    onStale: () => void;
    onCancel: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [settings, setSettings] = useState(current.settings);
    const [reason, setReason] = useState('');
    const [saving, setSaving] = useState(false);
    const [problem, setProblem] = useState<string | null>(null);
    const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

    const save = async () => {
        setSaving(true);
        setProblem(null);
        setFieldErrors({});
        try {
            const { json } = await httpClient('/api/county-settings/reserve-pool', {
                method: 'PUT',
                body: JSON.stringify({ settings, baseVersion: current.version, ...(reason ? { reason } : {}) }),
            });
            notify('qinglan.settings.saved', {
                type: 'success',
                messageArgs: { version: (json as SettingsVersion).version },
            });
            onSaved();
        } catch (error) {
            if (error instanceof HttpError && error.status === 409) {
                onStale();
            } else {
                setProblem(errorMessageOf(error));
                setFieldErrors(fieldErrorsOf(error));
            }
        } finally {
            setSaving(false);
        }
    };

    const errorOf = (path: readonly string[]) =>
        fieldErrors[`settings.${path.join('.')}`] ?? fieldErrors[`settings.${path[0]}`];

    return (
        <Box component="form" className="qinglan-settings-form" onSubmit={(e) => (e.preventDefault(), void save())}>
            {problem && (
                <Alert severity="error" sx={{ mb: 2 }}>
                    {problem}
                </Alert>
            )}
            <Box
                sx={{
                    display: 'grid',
                    gap: 2,
                    gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)' },
                    alignItems: 'center',
                }}
            >
                {RULES.map((rule) => {
                    const label = translate(`qinglan.settings.field.${rule.key}`);
                    const value = readRule(settings, rule.path);
                    const error = errorOf(rule.path);
                    if (rule.kind === 'boolean')
                        return (
                            <FormControlLabel
                                key={rule.key}
                                label={label}
                                control={
                                    <Checkbox
                                        name={rule.key}
                                        checked={Boolean(value)}
                                        onChange={(e) => setSettings(writeRule(settings, rule.path, e.target.checked))}
                                    />
                                }
                            />
                        );
                    if (rule.kind === 'education')
                        return (
                            <TextField
                                key={rule.key}
                                select
                                size="small"
                                name={rule.key}
                                label={label}
                                value={String(value)}
                                error={!!error}
                                helperText={error}
                                onChange={(e) => setSettings(writeRule(settings, rule.path, e.target.value))}
                            >
                                {educationChoices.map((choice) => (
                                    <MenuItem key={choice.id} value={choice.id}>
                                        {translate(choice.name)}
                                    </MenuItem>
                                ))}
                            </TextField>
                        );
                    return (
                        <TextField
                            key={rule.key}
                            type="number"
                            size="small"
                            name={rule.key}
                            label={label}
                            value={String(value)}
                            error={!!error}
                            helperText={error}
                            slotProps={{ htmlInput: { min: rule.min, max: rule.max, step: 1 } }}
                            onChange={(e) => setSettings(writeRule(settings, rule.path, Number(e.target.value)))}
                        />
                    );
                })}
            </Box>
            <TextField
                fullWidth
                size="small"
                name="reason"
                label={translate('qinglan.settings.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                sx={{ mt: 2 }}
                slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
                <Button type="submit" variant="contained" disabled={saving || stale} className="qinglan-settings-save">
                    {translate('qinglan.settings.save')}
                </Button>
                <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
            </Stack>
        </Box>
    );
};
