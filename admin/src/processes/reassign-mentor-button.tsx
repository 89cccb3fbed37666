import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
    Button,
    required,
    SaveButton,
    SimpleForm,
    TextInput,
    Toolbar,
    useDataProvider,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { errorMessageOf, fieldErrorsOf } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import { CadreInput } from '../mentor-pairing/cadre-input';
import type { ProcessDetail } from './types';

const EMPTY = {};

/** 更换导师: another mentor takes over the open tasks; the history is kept. */
export const ReassignMentorButton = () => {
    const translate = useTranslate();
    const process = useRecordContext<ProcessDetail>();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    if (!process) return null;

    const submit = async (values: Record<string, unknown>) => {
        try {
            await dataProvider.reassignMentor(
                process.id,
                values.mentorPersonId as number,
                String(values.reason).trim(),
            );
        } catch (error) {
            const message = errorMessageOf(error);
            notify(message, { type: 'error', messageArgs: { _: message } });
            return fieldErrorsOf(error);
        }
        notify('qinglan.mentor_pairing.reassigned', { type: 'success' });
        setOpen(false);
        refresh();
        return undefined;
    };

    return (
        <>
            <Button label="qinglan.mentor_pairing.reassign" onClick={() => setOpen(true)} className="qinglan-reassign">
                <SwapHorizIcon />
            </Button>
            <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
                <DialogTitle>{translate('qinglan.mentor_pairing.reassign')}</DialogTitle>
                <DialogContent sx={{ px: 0 }}>
                    <SimpleForm
                        record={EMPTY}
                        onSubmit={submit}
                        toolbar={
                            <Toolbar>
                                <SaveButton label="ra.action.confirm" />
                            </Toolbar>
                        }
                    >
                        <CadreInput
                            source="mentorPersonId"
                            filter={{ isMentor: true }}
                            label="qinglan.mentor_pairing.new_mentor"
                            validate={required()}
                        />
                        <TextInput
                            source="reason"
                            label="qinglan.tasks.reason"
                            validate={required()}
                            multiline
                            minRows={2}
                            fullWidth
                        />
                    </SimpleForm>
                </DialogContent>
            </Dialog>
        </>
    );
};
