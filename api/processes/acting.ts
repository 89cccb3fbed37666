// Who acts on a process, inside a request or not: 撤销, 强制终止, 重试 and 催办 run the same code
// whether a clerk presses them on one process or a bulk operation runs them in the background
// after its request has answered (or after an API restart, from the operation's stored row).
import type { Context } from 'hono';
import type { DB } from '../../db/database.js';
import { clientIp, writeAuditAs, type AuditEntry } from '../audit/audit.js';
import type { AppEnv, SessionUser, TemporalHandle } from '../context.js';

export interface Acting {
  db: DB;
  temporal: TemporalHandle;
  user: SessionUser;
  /** Keys the action's timeline event and audit row: the request's id, or a bulk item's. */
  requestId: string;
  ip: string | null;
}

export const actingOf = (c: Context<AppEnv>): Acting => ({
  db: c.var.deps.db,
  temporal: c.var.deps.temporal,
  user: c.var.user,
  requestId: c.var.requestId,
  ip: clientIp(c),
});

export const auditAs = (a: Acting, entry: AuditEntry) => writeAuditAs(a.db, a, entry);
