import { Box, Typography } from '@mui/material';
import {
    ArrayField,
    BooleanField,
    Datagrid,
    Labeled,
    NumberField,
    ReferenceField,
    SelectField,
    Show,
    TabbedShowLayout,
    TextField,
    useTranslate,
    WithRecord,
} from 'react-admin';
import { committeeChoices, educationChoices, genderChoices, positionTitleChoices } from '../choices';
import { LocaleDateField } from '../common';
import { DossierTab } from '../dossier';
import { PiiNotice } from './pii-notice';
import { FieldRow, Section } from './section';

const NoPositions = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary">
            {translate('qinglan.cadres.no_positions')}
        </Typography>
    );
};

/** The record itself (label false: the tab shows it without a field label). */
const CadreRecord = (_props: { label?: false }) => (
    <Box sx={{ pt: 1 }}>
        <Section title="qinglan.cadres.section_basic">
            <FieldRow>
                <Labeled>
                    <TextField source="name" />
                </Labeled>
                <Labeled>
                    <SelectField source="gender" choices={genderChoices} />
                </Labeled>
                {/* The birth date comes only with the full record (piiMasked false); otherwise the year. */}
                <WithRecord
                    render={(record) =>
                        record.birthDate ? (
                            <Labeled>
                                <LocaleDateField source="birthDate" />
                            </Labeled>
                        ) : (
                            <Labeled>
                                <NumberField source="birthYear" options={{ useGrouping: false }} />
                            </Labeled>
                        )
                    }
                />
                <Labeled>
                    <NumberField source="age" />
                </Labeled>
                <Labeled>
                    <SelectField source="education" choices={educationChoices} />
                </Labeled>
                <Labeled>
                    <BooleanField source="partyMember" />
                </Labeled>
            </FieldRow>
        </Section>
        <Section title="qinglan.cadres.section_organisation">
            <FieldRow>
                <Labeled>
                    <ReferenceField source="townshipId" reference="townships" link="show" />
                </Labeled>
                <Labeled>
                    <ReferenceField source="villageId" reference="villages" link="show" />
                </Labeled>
            </FieldRow>
        </Section>
        <Section title="qinglan.cadres.section_flags">
            <FieldRow>
                <Labeled>
                    <BooleanField source="newlyElected" />
                </Labeled>
                <Labeled>
                    <BooleanField source="isMentor" />
                </Labeled>
                <Labeled>
                    <BooleanField source="isReserve" />
                </Labeled>
            </FieldRow>
        </Section>
        <Section title="qinglan.cadres.section_pii">
            <FieldRow>
                <Labeled>
                    <TextField source="idNumber" className="qinglan-id-number" />
                </Labeled>
                <Labeled>
                    <TextField source="phone" className="qinglan-phone" />
                </Labeled>
            </FieldRow>
            <PiiNotice />
        </Section>
        <Section title="qinglan.cadres.section_positions">
            <ArrayField source="positions">
                <Datagrid bulkActionButtons={false} rowClick={false} empty={<NoPositions />}>
                    <SelectField source="committee" choices={committeeChoices} label="qinglan.position.committee" />
                    <SelectField source="title" choices={positionTitleChoices} label="qinglan.position.title" />
                    <LocaleDateField source="termStart" label="qinglan.position.termStart" />
                    <LocaleDateField source="termEnd" label="qinglan.position.termEnd" />
                </Datagrid>
            </ArrayField>
        </Section>
    </Box>
);

/** A cadre's page: the record, and the dossier (一人一档) of every process they took part in. */
export const CadreShow = () => (
    <Show>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="qinglan.dossier.basic_tab">
                <CadreRecord label={false} />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="qinglan.dossier.tab" path="dossier" className="qinglan-dossier-tab">
                <DossierTab label={false} />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </Show>
);
