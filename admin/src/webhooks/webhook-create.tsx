import { Create, SimpleForm, useGetIdentity } from 'react-admin';
import { WebhookInputs } from './webhook-inputs';

/** A township officer adds their township's robot; the county admin picks whose (none: the county's). */
export const WebhookCreate = () => {
    const { identity, isPending } = useGetIdentity();
    if (isPending) return null;
    return (
        <Create
            redirect="list"
            transform={(data: Record<string, unknown>) => ({
                ...data,
                townshipId: data.townshipId || null,
                secret: data.secret || null,
            })}
        >
            <SimpleForm
                sx={{ maxWidth: 640 }}
                defaultValues={{ kind: 'dingtalk', active: true, townshipId: identity?.townshipId ?? null }}
            >
                <WebhookInputs />
            </SimpleForm>
        </Create>
    );
};
