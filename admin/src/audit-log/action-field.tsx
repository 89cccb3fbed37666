import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditLogEntry } from '../types';

/** The action in words when known (登录, 修改…), else as recorded. */
export const ActionField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
    const record = useRecordContext<AuditLogEntry>();
    const translate = useTranslate();
    if (!record?.action) return null;
    return <span>{translate(`qinglan.audit_action.${record.action}`, { _: record.action })}</span>;
};

/** The resource in words when known, else as recorded. */
export const ResourceNameField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
    const record = useRecordContext<AuditLogEntry>();
    const translate = useTranslate();
    if (!record?.resource) return null;
    return <span>{translate(`qinglan.audit_resource.${record.resource}`, { _: record.resource })}</span>;
};
