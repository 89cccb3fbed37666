// One bulk operation as the console polls it: progress, counts and each process's result.
// Its submitter reads it, and the county admin and the auditor; anyone else gets 404.
import { sql } from 'kysely';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.js';
import { fail } from '../../errors/errors.js';
import { startBulkOperation } from './bulk-runner.js';

export async function readBulkOperation(c: Context<AppEnv>, id: number, takeUpLapsed = false) {
  const user = c.var.user;
  const db = c.var.deps.db;
  const op = await db
    .selectFrom('bulk_operations as o')
    .leftJoin('users as u', 'u.id', 'o.created_by')
    .select(['o.id', 'o.request_id', 'o.action', 'o.reason', 'o.status', 'o.created_by', 'u.display_name'])
    .select(['o.created_at', 'o.finished_at', 'o.total'])
    .select(sql<boolean>`o.status = 'running' and (o.lease_until is null or o.lease_until < now())`.as('lapsed'))
    .where('o.id', '=', id)
    .executeTakeFirst();
  const mayRead = op && (op.created_by === user.id || user.role === 'county_admin' || user.role === 'auditor');
  if (!op || !mayRead) throw fail('not_found');
  // The API that ran it stopped: whoever looks takes the rest up again.
  if (takeUpLapsed && op.lapsed) startBulkOperation(c.var.deps, op.id);
  const items = await db
    .selectFrom('bulk_operation_items as i')
    .leftJoin('processes as p', 'p.id', 'i.process_id')
    .leftJoin('townships as tw', 'tw.id', 'p.township_id')
    .select(['i.process_id as processId', 'p.title', 'p.type', 'tw.name as townshipName', 'i.status', 'i.message'])
    .where('i.operation_id', '=', id)
    .orderBy('i.position')
    .execute();
  const count = (status: string) => items.filter((i) => i.status === status).length;
  return {
    id: op.id,
    requestId: op.request_id,
    action: op.action,
    reason: op.reason,
    status: op.status,
    createdBy: op.display_name,
    createdAt: op.created_at.toISOString(),
    finishedAt: op.finished_at?.toISOString() ?? null,
    total: op.total,
    done: items.length - count('pending'),
    succeeded: count('succeeded'),
    skipped: count('skipped'),
    failed: count('failed'),
    items,
  };
}
