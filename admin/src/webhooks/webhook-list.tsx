import { Typography } from '@mui/material';
import {
    BooleanField,
    Datagrid,
    FunctionField,
    List,
    NumberField,
    ReferenceField,
    SelectField,
    usePermissions,
    useTranslate,
} from 'react-admin';
import { maskRobotToken } from '../../../domain/robot-token';
import { webhookKindChoices } from '../choices';
import { can } from '../roles';

interface Webhook {
    townshipId: number | null;
    url: string;
    lastError: string | null;
}

/** 群机器人: where reminders are posted, and how the messages fare (waiting, given up, last error). */
export const WebhookList = () => {
    const translate = useTranslate();
    const { permissions } = usePermissions();
    return (
        <List sort={{ field: 'id', order: 'ASC' }} perPage={50} exporter={false}>
            <Datagrid rowClick={can(permissions, 'webhooks', 'edit') ? 'edit' : false} bulkActionButtons={false}>
                <FunctionField<Webhook>
                    source="townshipId"
                    sortable={false}
                    render={(record) =>
                        record.townshipId === null ? (
                            translate('qinglan.webhooks.county')
                        ) : (
                            <ReferenceField source="townshipId" reference="townships" link={false} />
                        )
                    }
                />
                <SelectField source="kind" choices={webhookKindChoices} sortable={false} />
                <FunctionField<Webhook>
                    source="url"
                    sortable={false}
                    sx={{ wordBreak: 'break-all' }}
                    render={(record) => maskRobotToken(record.url)}
                />
                <BooleanField source="active" sortable={false} />
                <NumberField source="pendingDeliveries" sortable={false} />
                <NumberField source="failedDeliveries" sortable={false} />
                <FunctionField<Webhook>
                    source="lastError"
                    sortable={false}
                    render={(record) =>
                        record.lastError ? (
                            <Typography variant="body2" color="error" className="qinglan-webhook-error">
                                {record.lastError}
                            </Typography>
                        ) : (
                            '—'
                        )
                    }
                />
            </Datagrid>
        </List>
    );
};
