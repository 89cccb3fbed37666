import PersonAddIcon from '@mui/icons-material/PersonAdd';
import {
    Alert,
    Autocomplete,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    List,
    ListItem,
    MenuItem,
    Stack,
    TextField,
} from '@mui/material';
import { useState } from 'react';
import { HttpError, useGetList, useNotify, useTranslate } from 'react-admin';
import { errorMessageOf, fieldErrorsOf } from '../common';
import { httpClient } from '../http';

interface Person {
    id: number;
    name: string;
    age: number;
}

/**
 * 推荐: a person of the village (组织推荐 by the Party secretary, 群众推荐 entered for the
 * villagers). An ineligible nomination is refused with every failed rule, shown as a list.
 */
export const NominateDialog = ({
    townshipId,
    villageId,
    year,
    onDone,
}: {
    townshipId: number;
    villageId: number | null;
    year: number;
    onDone: () => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const [open, setOpen] = useState(false);
    const [query, setQuery] = useState('');
    const [person, setPerson] = useState<Person | null>(null);
    const [source, setSource] = useState<'organisation' | 'mass'>('organisation');
    const [note, setNote] = useState('');
    const [problem, setProblem] = useState<{ message: string; reasons: string[] } | null>(null);
    const [sending, setSending] = useState(false);
    const { data: people = [] } = useGetList<Person>(
        'cadres',
        {
            pagination: { page: 1, perPage: 20 },
            sort: { field: 'name', order: 'ASC' },
            filter: { ...(villageId ? { villageId } : { townshipId }), ...(query ? { q: query } : {}) },
        },
        { enabled: open },
    );
    const close = () => {
        setOpen(false);
        setPerson(null);
        setNote('');
        setProblem(null);
    };
    const send = async () => {
        if (!person) return;
        setSending(true);
        setProblem(null);
        try {
            await httpClient('/api/processes/reserve-cultivation/nominations', {
                method: 'POST',
                body: JSON.stringify({ townshipId, year, personId: person.id, source, ...(note ? { note } : {}) }),
            });
            notify('qinglan.reserve.nominated_person', { type: 'success', messageArgs: { name: person.name } });
            close();
            onDone();
        } catch (error) {
            const reasons =
                error instanceof HttpError && error.status === 422 ? Object.values(fieldErrorsOf(error)) : [];
            setProblem({ message: errorMessageOf(error), reasons });
        } finally {
            setSending(false);
        }
    };
    return (
        <>
            <Button
                variant="contained"
                startIcon={<PersonAddIcon />}
                onClick={() => setOpen(true)}
                className="qinglan-reserve-nominate"
            >
                {translate('qinglan.reserve.nominate')}
            </Button>
            <Dialog open={open} onClose={close} fullWidth maxWidth="sm" className="qinglan-nominate-dialog">
                <DialogTitle>{translate('qinglan.reserve.nominate')}</DialogTitle>
                <DialogContent>
                    <Stack spacing={2} sx={{ pt: 1 }}>
                        <Autocomplete
                            options={people}
                            value={person}
                            onChange={(_, value) => setPerson(value)}
                            onInputChange={(_, value) => setQuery(value)}
                            getOptionLabel={(p) => `${p.name}（${p.age}）`}
                            isOptionEqualToValue={(a, b) => a.id === b.id}
                            filterOptions={(options) => options}
                            renderInput={(params) => (
                                <TextField {...params} label={translate('qinglan.reserve.person')} />
                            )}
                        />
                        <TextField
                            select
                            name="source"
                            label={translate('qinglan.reserve.source_label')}
                            value={source}
                            onChange={(e) => setSource(e.target.value as 'organisation' | 'mass')}
                        >
                            <MenuItem value="organisation">{translate('qinglan.reserve.source.organisation')}</MenuItem>
                            <MenuItem value="mass">{translate('qinglan.reserve.source.mass')}</MenuItem>
                        </TextField>
                        <TextField
                            name="note"
                            label={translate('qinglan.reserve.note')}
                            value={note}
                            onChange={(e) => setNote(e.target.value)}
                            multiline
                            minRows={2}
                        />
                        {problem && (
                            <Alert severity="error" className="qinglan-nominate-problem">
                                {problem.message}
                                {problem.reasons.length > 0 && (
                                    <List dense disablePadding>
                                        {problem.reasons.map((reason) => (
                                            <ListItem key={reason} disableGutters>
                                                · {reason}
                                            </ListItem>
                                        ))}
                                    </List>
                                )}
                            </Alert>
                        )}
                    </Stack>
                </DialogContent>
                <DialogActions>
                    <Button onClick={close}>{translate('ra.action.cancel')}</Button>
                    <Button variant="contained" disabled={!person || sending} onClick={() => void send()}>
                        {translate('qinglan.reserve.nominate')}
                    </Button>
                </DialogActions>
            </Dialog>
        </>
    );
};
