import AccountBoxIcon from '@mui/icons-material/AccountBox';
import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import {
    BooleanField,
    FunctionField,
    Labeled,
    Link,
    NumberField,
    SelectField,
    Show,
    TextField,
    usePermissions,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { educationChoices, genderChoices } from '../choices';
import { FieldRow, Section } from '../cadres/section';
import { LocaleDateField } from '../common';
import { ProcessLink } from './process-link';
import { CultivationRecords, StatusHistory } from './reserve-history';
import { StatusField } from './reserve-status-chip';
import type { ReserveDetail } from './types';
import { ExitReserveButton } from './exit-dialog';
import { UseReserveButton } from './use-dialog';
import { rankingPath } from './use-ranking-page';
import { mayUseReserves } from '../roles';

/** 使用 and 退出 while the reserve is in the pool; the record and its history refresh afterwards. */
const UseActions = ({ record }: { record: ReserveDetail }) => {
    const { permissions } = usePermissions();
    const refresh = useRefresh();
    const translate = useTranslate();
    if (!mayUseReserves(permissions) || !['trial', 'in_pool'].includes(record.status)) return null;
    // The routes act on the running cultivation, or on the record alone for one 在库 from before
    // qinglan; a trial without either is an intake still linking its cultivation.
    const running =
        !!record.cultivationWorkflowId ||
        record.status === 'in_pool' ||
        (record.status === 'trial' && !!record.intakeWorkflowId);
    if (!running)
        return (
            <Typography variant="caption" color="text.secondary" className="qinglan-reserve-cannot-use">
                {translate('qinglan.reserve_use.cannot_use')}
            </Typography>
        );
    return (
        <>
            <UseReserveButton reserveId={record.id} name={record.name} onDone={refresh} />
            <ExitReserveButton reserveId={record.id} name={record.name} onDone={refresh} />
        </>
    );
};

const Links = () => {
    const record = useRecordContext<ReserveDetail>();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
            <Button
                size="small"
                variant="outlined"
                component={Link}
                to={`/cadres/${record.personId}/show/dossier`}
                startIcon={<AccountBoxIcon fontSize="small" />}
                className="qinglan-reserve-dossier-link"
            >
                {translate('qinglan.pool.dossier')}
            </Button>
            <ProcessLink processId={record.intakeWorkflowId} label="qinglan.pool.intake_timeline" />
            <ProcessLink processId={record.cultivationWorkflowId} label="qinglan.pool.cultivation_timeline" />
            {['trial', 'in_pool'].includes(record.status) && (
                <Button size="small" component={Link} to={rankingPath(record.villageId)}>
                    {translate('qinglan.reserve_use.ranking')}
                </Button>
            )}
            <UseActions record={record} />
        </Stack>
    );
};

const Tables = () => {
    const record = useRecordContext<ReserveDetail>();
    // The list's row stands in for the record until the full one (with history and records) arrives.
    if (!record?.history || !record.records) return <LinearProgress />;
    return (
        <>
            <Section title="qinglan.pool.section_history">
                <Box sx={{ overflowX: 'auto' }}>
                    <StatusHistory rows={record.history} />
                </Box>
            </Section>
            <Section title="qinglan.pool.section_records">
                <Box sx={{ overflowX: 'auto' }}>
                    <CultivationRecords rows={record.records} />
                </Box>
            </Section>
        </>
    );
};

/** One reserve: the person, where they stand in the pool, every change of status and the records. */
export const ReserveShow = () => {
    const translate = useTranslate();
    return (
        <Show className="qinglan-reserve-show">
            <Box sx={{ p: 2 }}>
                <Links />
                <Section title="qinglan.pool.section_person">
                    <FieldRow>
                        <Labeled>
                            <TextField source="name" />
                        </Labeled>
                        <Labeled>
                            <SelectField source="gender" choices={genderChoices} />
                        </Labeled>
                        <Labeled>
                            <NumberField source="age" />
                        </Labeled>
                        <Labeled>
                            <SelectField source="education" choices={educationChoices} />
                        </Labeled>
                        <Labeled>
                            <BooleanField source="partyMember" />
                        </Labeled>
                        <Labeled label="resources.reserves.fields.villageId">
                            <FunctionField<ReserveDetail> render={(r) => `${r.townshipName} ${r.villageName}`} />
                        </Labeled>
                    </FieldRow>
                </Section>
                <Section title="qinglan.pool.section_pool">
                    <FieldRow>
                        <Labeled label="resources.reserves.fields.status">
                            <StatusField />
                        </Labeled>
                        <Labeled>
                            <FunctionField<ReserveDetail>
                                source="source"
                                render={(r) => translate(`qinglan.pool.source.${r.source}`)}
                            />
                        </Labeled>
                        <Labeled>
                            <LocaleDateField source="enteredOn" emptyText="—" />
                        </Labeled>
                        <Labeled>
                            <FunctionField<ReserveDetail>
                                source="mentorName"
                                render={(r) => r.mentorName ?? translate('qinglan.pool.no_mentor')}
                            />
                        </Labeled>
                        <Labeled>
                            <LocaleDateField source="mentorTalkDue" emptyText="—" />
                        </Labeled>
                        <Labeled>
                            <LocaleDateField source="secretaryTalkDue" emptyText="—" />
                        </Labeled>
                        <Labeled>
                            <LocaleDateField source="agesOutOn" />
                        </Labeled>
                        <FunctionField<ReserveDetail>
                            render={(r) =>
                                r.usedPost ? (
                                    <Labeled label="resources.reserves.fields.usedPost">
                                        <TextField source="usedPost" />
                                    </Labeled>
                                ) : r.exitReason ? (
                                    <Labeled label="resources.reserves.fields.exitReason">
                                        <TextField source="exitReason" />
                                    </Labeled>
                                ) : null
                            }
                        />
                    </FieldRow>
                </Section>
                <Tables />
            </Box>
        </Show>
    );
};
