// Who may see and act on a township's intake, and the intake's handle. Outside the caller's
// scope an intake, a person or a reserve answers 404, as everywhere.
import type { Context } from 'hono';
import type { AppEnv, SessionUser } from '../../context.js';
import { fail } from '../../errors/errors.js';
import {
  intakeId,
  intakeProgressQuery,
  type IntakeProgress,
} from '../../../workflows/reserve-cultivation/reserve-intake-definition.js';

/** County: any township; township roles: their own; a village secretary: their village's township. */
export function seesTownship(user: SessionUser, townshipId: number): boolean {
  if (user.role === 'county_admin' || user.role === 'auditor') return true;
  return user.townshipId === townshipId && user.role !== 'mentor';
}

/** Opening an intake and importing its scores: the township officer of the township, or the county. */
export function runsTownship(user: SessionUser, townshipId: number): boolean {
  return user.role === 'county_admin' || (user.role === 'township_officer' && user.townshipId === townshipId);
}

/** The running (or finished) intake of a township and year, with what it reports; 404 when none. */
export async function intakeOf(
  c: Context<AppEnv>,
  year: number,
  townshipId: number,
): Promise<{ id: string; status: string; progress: IntakeProgress }> {
  const { client, idPrefix = '' } = c.var.deps.temporal;
  const id = intakeId(idPrefix, year, townshipId);
  const row = await c.var.deps.db.selectFrom('processes').select(['status']).where('id', '=', id).executeTakeFirst();
  if (!row) throw fail('not_found');
  const progress = await client.workflow.getHandle(id).query(intakeProgressQuery);
  return { id, status: row.status, progress };
}
