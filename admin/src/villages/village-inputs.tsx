import { BooleanInput, required, SelectInput, TextInput, usePermissions } from 'react-admin';
import { areaChoices, villageKindChoices } from '../choices';
import { TownshipReferenceInput } from '../common';
import { mayMarkRelaxedAge } from '../roles';

export const VillageInputs = () => {
    const { permissions } = usePermissions();
    return (
        <>
            <TextInput source="code" validate={required()} />
            <TextInput source="name" validate={required()} />
            <SelectInput source="kind" choices={villageKindChoices} validate={required()} />
            <SelectInput source="area" choices={areaChoices} validate={required()} />
            <TownshipReferenceInput source="townshipId" validate={required()} />
            {/* 放宽年龄至45岁: the county marks the villages where the relaxed reserve age limit applies */}
            {mayMarkRelaxedAge(permissions) && (
                <BooleanInput
                    source="relaxedAgeLimit"
                    label="qinglan.villages.relaxed_age_limit"
                    helperText="qinglan.villages.relaxed_age_limit_help"
                />
            )}
        </>
    );
};
