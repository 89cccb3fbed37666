import HandshakeIcon from '@mui/icons-material/Handshake';
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import {
    required,
    SaveButton,
    SimpleForm,
    TextInput,
    Title,
    Toolbar,
    useDataProvider,
    useNavigate,
    useNotify,
    usePermissions,
    useTranslate,
    type Identifier,
} from 'react-admin';
import { errorMessageOf, fieldErrorsOf } from '../common';
import type { QinglanDataProvider } from '../data-provider';
import { mayManagePairings } from '../roles';
import { BulkPairingButton } from './bulk-pairing-button';
import { CadreInput } from './cadre-input';

const EMPTY = {};

interface PairingValues {
    menteePersonId?: Identifier;
    mentorPersonId?: Identifier;
    reason?: string | null;
}

const PairingToolbar = () => (
    <Toolbar>
        <SaveButton label="qinglan.mentor_pairing.submit" icon={<HandshakeIcon />} className="qinglan-start-pairing" />
    </Toolbar>
);

/** 发起导师帮带: a township proposes a mentor for a newly elected cadre. */
export const MentorPairingCreate = () => {
    const translate = useTranslate();
    const { permissions } = usePermissions();
    const dataProvider = useDataProvider<QinglanDataProvider>();
    const notify = useNotify();
    const navigate = useNavigate();

    const submit = async (values: PairingValues) => {
        const reason = values.reason?.trim();
        try {
            const started = await dataProvider.startMentorPairing({
                menteePersonId: Number(values.menteePersonId),
                mentorPersonId: Number(values.mentorPersonId),
                ...(reason ? { reason } : {}),
            });
            notify('qinglan.mentor_pairing.started', { type: 'success', messageArgs: { title: started.title } });
            navigate(`/processes/${encodeURIComponent(started.id)}/show`);
            return undefined;
        } catch (error) {
            const message = errorMessageOf(error);
            notify(message, { type: 'error', messageArgs: { _: message } });
            return fieldErrorsOf(error);
        }
    };

    return (
        <Box sx={{ mt: 2, maxWidth: 760 }} className="qinglan-pairing-create">
            <Title title="qinglan.mentor_pairing.create_title" />
            {!mayManagePairings(permissions) ? (
                <Alert severity="warning">{translate('ra.message.access_denied')}</Alert>
            ) : (
                <>
                    <Card sx={{ mb: 2 }}>
                        <CardContent sx={{ pb: 0 }}>
                            <Typography variant="h6" component="h2">
                                {translate('qinglan.mentor_pairing.create_title')}
                            </Typography>
                            <Typography variant="body2" color="text.secondary">
                                {translate('qinglan.mentor_pairing.create_hint')}
                            </Typography>
                        </CardContent>
                        <SimpleForm record={EMPTY} onSubmit={submit} toolbar={<PairingToolbar />}>
                            <CadreInput
                                source="menteePersonId"
                                filter={{ newlyElected: true }}
                                label="qinglan.mentor_pairing.mentee"
                                helperText="qinglan.mentor_pairing.mentee_help"
                                validate={required()}
                            />
                            <CadreInput
                                source="mentorPersonId"
                                filter={{ isMentor: true }}
                                label="qinglan.mentor_pairing.mentor"
                                validate={required()}
                            />
                            <TextInput
                                source="reason"
                                label="qinglan.mentor_pairing.reason"
                                multiline
                                minRows={2}
                                fullWidth
                            />
                        </SimpleForm>
                    </Card>
                    <Card>
                        <CardContent>
                            <Stack
                                direction="row"
                                spacing={2}
                                sx={{ alignItems: 'center', justifyContent: 'space-between' }}
                            >
                                <Box>
                                    <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                                        {translate('qinglan.mentor_pairing.bulk')}
                                    </Typography>
                                    <Typography variant="body2" color="text.secondary">
                                        {translate('qinglan.mentor_pairing.bulk_hint')}
                                    </Typography>
                                </Box>
                                <BulkPairingButton variant="outlined" />
                            </Stack>
                        </CardContent>
                    </Card>
                </>
            )}
        </Box>
    );
};
