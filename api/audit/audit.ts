import { clientAddress } from '../net/client-address.js';
import type { Context } from 'hono';
import type { DB } from '../../db/database.js';
import type { AppEnv, SessionUser } from '../context.js';

export type AuditAction =
  | 'login.succeeded'
  | 'login.failed'
  | 'logout'
  | 'pii.read' // a full ID number or phone was shown
  | 'record.created'
  | 'record.updated'
  | 'record.deleted'
  | 'history.read' // an auditor read a process's raw history
  | 'history.downloaded' // … or took it away as Temporal's JSON
  | 'process.started'
  | 'process.cancelled'
  | 'process.terminated'
  | 'process.incident_retried'
  | 'tasks.urged'
  | 'tasks.batch_decided' // 批量同意: one entry per batch, whatever its size
  | 'processes.bulk' // a bulk operation over a filter was submitted (each process's action is audited too)
  | 'import.completed';

export interface AuditEntry {
  action: AuditAction;
  resource?: string;
  recordId?: string | number;
  detail?: Record<string, unknown>;
  /** For events before sign-in (a failed login names the attempted user). */
  username?: string;
}

/** Proxy headers count only from trusted proxies (see client-address.ts). */
export const clientIp = (c: Context): string | null => clientAddress(c);

export async function writeAudit(c: Context<AppEnv>, entry: AuditEntry, db: DB = c.var.deps.db): Promise<void> {
  const user = c.get('user') as AppEnv['Variables']['user'] | undefined;
  await writeAuditAs(db, { user, ip: clientIp(c), requestId: c.var.requestId }, entry);
}

/** Who the entry is for when no request is at hand (a bulk operation running in the background). */
export interface AuditWho {
  user?: Pick<SessionUser, 'id' | 'username'>;
  ip: string | null;
  requestId: string;
}

export async function writeAuditAs(db: DB, who: AuditWho, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: who.user?.id ?? null,
      username: entry.username ?? who.user?.username ?? null,
      action: entry.action,
      resource: entry.resource ?? null,
      record_id: entry.recordId === undefined ? null : String(entry.recordId),
      detail: JSON.stringify(entry.detail ?? {}),
      ip: who.ip,
      request_id: who.requestId,
    })
    .execute();
}
