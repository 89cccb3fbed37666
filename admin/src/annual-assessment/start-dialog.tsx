import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import {
    Alert,
    Autocomplete,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    FormControlLabel,
    Radio,
    RadioGroup,
    TextField,
} from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { errorMessageOf } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import type { Township } from '../types';
import { useTownships } from './use-township-choices';

interface StartDialogProps {
    year: number;
    onStarted: (year: number) => void;
}

/** 发起考核: the year, for the whole county or the chosen townships; a second start changes nothing. */
export const StartAssessmentButton = ({ year: shownYear, onStarted }: StartDialogProps) => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const notify = useNotify();
    const [open, setOpen] = useState(false);
    const [year, setYear] = useState(String(shownYear));
    const [scope, setScope] = useState<'all' | 'chosen'>('all');
    const [chosen, setChosen] = useState<Township[]>([]);
    const [pending, setPending] = useState(false);
    const [error, setError] = useState<string>();
    const townships = useTownships(open);

    const openDialog = () => {
        setYear(String(shownYear));
        setScope('all');
        setChosen([]);
        setError(undefined);
        setOpen(true);
    };
    const yearNumber = Number(year);
    const yearValid = Number.isInteger(yearNumber) && yearNumber >= 2000 && yearNumber <= 2100;
    const ready = yearValid && (scope === 'all' || chosen.length > 0);

    const start = async () => {
        if (!ready || pending) return;
        setPending(true);
        setError(undefined);
        try {
            const result = await dataProvider.startAssessment({
                year: yearNumber,
                ...(scope === 'chosen' ? { townshipIds: chosen.map((township) => Number(township.id)) } : {}),
            });
            notify('qinglan.assessment.started', {
                type: 'success',
                messageArgs: {
                    year: result.year,
                    started: result.started.length,
                    already: result.alreadyRunning.length,
                },
            });
            setOpen(false);
            onStarted(result.year);
        } catch (failure) {
            setError(errorMessageOf(failure));
        } finally {
            setPending(false);
        }
    };

    return (
        <>
            <Button
                variant="contained"
                size="small"
                startIcon={<PlayArrowIcon />}
                onClick={openDialog}
                className="qinglan-assessment-start"
            >
                {translate('qinglan.assessment.start')}
            </Button>
            <Dialog
                open={open}
                onClose={() => setOpen(false)}
                fullWidth
                maxWidth="sm"
                className="qinglan-assessment-start-dialog"
            >
                <DialogTitle>{translate('qinglan.assessment.start')}</DialogTitle>
                <DialogContent>
                    <TextField
                        type="number"
                        name="year"
                        margin="dense"
                        label={translate('qinglan.assessment.year')}
                        value={year}
                        onChange={(event) => setYear(event.target.value)}
                        error={!yearValid}
                        helperText={
                            yearValid
                                ? translate('qinglan.assessment.start_hint')
                                : translate('qinglan.assessment.year_invalid')
                        }
                        fullWidth
                    />
                    <RadioGroup
                        row
                        name="scope"
                        value={scope}
                        onChange={(event) => setScope(event.target.value as 'all' | 'chosen')}
                        sx={{ mt: 1 }}
                    >
                        <FormControlLabel
                            value="all"
                            control={<Radio />}
                            label={translate('qinglan.assessment.all_townships')}
                        />
                        <FormControlLabel
                            value="chosen"
                            control={<Radio />}
                            label={translate('qinglan.assessment.chosen_townships')}
                        />
                    </RadioGroup>
                    {scope === 'chosen' && (
                        <Autocomplete<Township, true>
                            multiple
                            options={townships}
                            value={chosen}
                            onChange={(_event, value) => setChosen(value)}
                            getOptionLabel={(township) => township.name}
                            isOptionEqualToValue={(option, value) => option.id === value.id}
                            renderInput={(params) => (
                                <TextField
                                    {...params}
                                    name="townshipIds"
                                    margin="dense"
                                    label={translate('qinglan.assessment.townships')}
                                />
                            )}
                            className="qinglan-assessment-townships"
                        />
                    )}
                    {error && (
                        <Alert severity="error" sx={{ mt: 1 }}>
                            {error}
                        </Alert>
                    )}
                </DialogContent>
                <DialogActions>
                    <Button onClick={() => setOpen(false)} disabled={pending}>
                        {translate('ra.action.cancel')}
                    </Button>
                    <Button
                        variant="contained"
                        onClick={start}
                        disabled={!ready || pending}
                        className="qinglan-assessment-start-confirm"
                    >
                        {translate('qinglan.assessment.start_confirm')}
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
