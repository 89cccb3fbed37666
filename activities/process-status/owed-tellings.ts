// What a process's end from outside must tell other workflows (an applicant's campaign that the
// applicant has ended, a campaign's applicants that they are withdrawn) is owed in the same
// transaction as the end itself, then told and marked told. A telling that fails (Temporal unreachable for a moment, the API's request cut short)
// stays owed, and every round of the status reconciler tells it again: a telling is idempotent,
// so telling twice changes nothing, while never telling leaves a campaign counting a person the
// county has terminated.
import type { Client } from '@temporalio/client';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../workflows/human-step/types.js';
import { RECRUITMENT_TELLINGS } from '../targeted-recruitment/recruitment-tellings.js';
import type { ProcessClosed } from './close-process.js';

export interface TellingDeps {
  db: DB;
  client: Client;
}

/** What a type's other workflows must hear once one of its processes has been closed so, and by whom. */
export type ProcessTelling = (deps: TellingDeps, closed: ProcessClosed, actor?: Actor | null) => Promise<void>;

/** Each process type's telling, declared beside its own activities. */
const TELLING_BY_TYPE: Record<string, ProcessTelling> = { ...RECRUITMENT_TELLINGS };

/** Within the transaction that closes a process of `type`: owes its telling, when the type has one. */
export async function oweTelling(
  trx: Transaction<Database>,
  type: string,
  closed: ProcessClosed,
  actor: Actor | null,
): Promise<boolean> {
  if (!TELLING_BY_TYPE[type]) return false;
  await trx
    .insertInto('owed_tellings')
    .values({
      process_id: closed.processId,
      closed: JSON.stringify(closed),
      actor: actor ? JSON.stringify(actor) : null,
    })
    .onConflict((oc) => oc.column('process_id').doNothing())
    .execute();
  return true;
}

/** A failed telling's words, as kept in `last_error` and the 强制终止's audit entry. */
export const tellingErrorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface TellingRound {
  told: number;
  failed: number;
  /** The first failure of the round; what failed stays owed. */
  firstError?: unknown;
}

/** Tells what is still owed (one process's, or every process's, oldest first) and marks it told. */
export async function tellOwed(deps: TellingDeps, processId?: string): Promise<TellingRound> {
  let owed = deps.db
    .selectFrom('owed_tellings as o')
    .innerJoin('processes as p', 'p.id', 'o.process_id')
    .select(['o.process_id', 'o.closed', 'o.actor', 'p.type'])
    .where('o.told_at', 'is', null)
    .orderBy('o.owed_at')
    .limit(500);
  if (processId) owed = owed.where('o.process_id', '=', processId);
  const round: TellingRound = { told: 0, failed: 0 };
  for (const row of await owed.execute()) {
    const closed = { ...(row.closed as unknown as ProcessClosed) };
    closed.at = new Date(closed.at);
    let error: unknown;
    try {
      await TELLING_BY_TYPE[row.type]?.(deps, closed, row.actor as unknown as Actor | null);
    } catch (e) {
      error = e;
      round.failed++;
      round.firstError ??= e;
    }
    if (error === undefined) round.told++;
    await deps.db
      .updateTable('owed_tellings')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        told_at: error === undefined ? new Date() : null,
        last_error: error === undefined ? null : tellingErrorText(error),
      }))
      .where('process_id', '=', row.process_id)
      .execute();
  }
  return round;
}
