import {
    BooleanInput,
    PasswordInput,
    ReferenceInput,
    required,
    SelectInput,
    TextInput,
    usePermissions,
} from 'react-admin';
import { webhookKindChoices } from '../choices';
import { isCountyRole } from '../roles';

/**
 * A group robot: whose it is (the county's when no township), DingTalk or WeCom, its address,
 * and DingTalk's 加签 secret. The secret is never shown again; left empty on edit, it stays.
 * A township officer's robots are their own township's (set by the create form).
 */
export const WebhookInputs = ({ edit = false }: { edit?: boolean }) => {
    const { permissions } = usePermissions();
    return (
        <>
            {isCountyRole(permissions) && (
                <ReferenceInput
                    source="townshipId"
                    reference="townships"
                    perPage={100}
                    sort={{ field: 'code', order: 'ASC' }}
                >
                    <SelectInput optionText="name" emptyText="qinglan.webhooks.county" />
                </ReferenceInput>
            )}
            <SelectInput source="kind" choices={webhookKindChoices} validate={required()} />
            <TextInput source="url" validate={required()} fullWidth helperText="qinglan.webhooks.url_hint" />
            <PasswordInput
                source="secret"
                helperText={edit ? 'qinglan.webhooks.secret_keep' : 'qinglan.webhooks.secret_hint'}
                autoComplete="new-password"
            />
            <BooleanInput source="active" />
        </>
    );
};
