import { Box } from '@mui/material';
import {
    ArrayInput,
    BooleanInput,
    DateInput,
    FormDataConsumer,
    regex,
    required,
    SelectInput,
    SimpleFormIterator,
    TextInput,
    useRecordContext,
    type Identifier,
} from 'react-admin';
import { committeeChoices, educationChoices, genderChoices, positionTitleChoices } from '../choices';
import { TownshipReferenceInput, VillageReferenceInput } from '../common';
import type { Cadre } from '../types';
import { PiiNotice } from './pii-notice';
import { FieldRow, Section } from './section';

const validateIdNumber = regex(/^\d{17}[\dXx]$/, 'qinglan.cadres.invalid_id_number');
const validatePhone = regex(/^1\d{10}$/, 'qinglan.cadres.invalid_phone');

/** The inputs of a cadre's record, shared by create and edit. */
export const CadreInputs = () => {
    const record = useRecordContext<Cadre>();
    // masked values cannot be edited; the data provider keeps the stored ones
    const piiLocked = !!record?.piiMasked;
    return (
        <Box sx={{ width: '100%' }}>
            <Section title="qinglan.cadres.section_basic">
                <FieldRow>
                    <TextInput source="name" validate={required()} />
                    <SelectInput source="gender" choices={genderChoices} validate={required()} />
                    <DateInput source="birthDate" />
                    <SelectInput source="education" choices={educationChoices} />
                </FieldRow>
                <BooleanInput source="partyMember" />
            </Section>
            <Section title="qinglan.cadres.section_organisation">
                <FieldRow>
                    <TownshipReferenceInput source="townshipId" validate={required()} />
                    <FormDataConsumer<{ townshipId?: Identifier }>>
                        {({ formData }) => (
                            <VillageReferenceInput
                                source="villageId"
                                townshipId={formData.townshipId}
                                validate={required()}
                            />
                        )}
                    </FormDataConsumer>
                </FieldRow>
            </Section>
            <Section title="qinglan.cadres.section_flags">
                <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3 }}>
                    <BooleanInput source="newlyElected" />
                    <BooleanInput source="isMentor" />
                </Box>
            </Section>
            <Section title="qinglan.cadres.section_pii">
                <FieldRow>
                    <TextInput
                        source="idNumber"
                        disabled={piiLocked}
                        validate={piiLocked ? undefined : validateIdNumber}
                    />
                    <TextInput source="phone" disabled={piiLocked} validate={piiLocked ? undefined : validatePhone} />
                </FieldRow>
                <PiiNotice editing />
            </Section>
            <Section title="qinglan.cadres.section_positions">
                <ArrayInput source="positions" label={false}>
                    <SimpleFormIterator inline disableReordering>
                        <SelectInput
                            source="committee"
                            choices={committeeChoices}
                            label="qinglan.position.committee"
                            validate={required()}
                            sx={{ minWidth: 160 }}
                        />
                        <SelectInput
                            source="title"
                            choices={positionTitleChoices}
                            label="qinglan.position.title"
                            validate={required()}
                            sx={{ minWidth: 120 }}
                        />
                        <DateInput source="termStart" label="qinglan.position.termStart" />
                        <DateInput source="termEnd" label="qinglan.position.termEnd" />
                    </SimpleFormIterator>
                </ArrayInput>
            </Section>
        </Box>
    );
};
