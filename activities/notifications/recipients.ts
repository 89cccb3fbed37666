// Who a notification reaches: named users, or everyone holding a role in a unit (the
// assignee of a role task: "the township officer of 漳江街道").
import type { DB } from '../../db/database.js';
import type { Role } from '../../db/schema.js';

/**
 * A role recipient narrows by each unit it names: a number means that unit, `null` means
 * none (county-level accounts), and leaving it out means any.
 */
export type Recipient = { userId: number } | { role: Role; townshipId?: number | null; villageId?: number | null };

export interface ResolvedRecipient {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  townshipId: number | null;
}

/** Active users only, each once, in id order (so retries see the same list). */
export async function resolveRecipients(db: DB, recipients: readonly Recipient[]): Promise<ResolvedRecipient[]> {
  if (recipients.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name as displayName', 'email', 'township_id as townshipId'])
    .where('active', '=', true)
    .where((eb) =>
      eb.or(
        recipients.map((r) => {
          if ('userId' in r) return eb('id', '=', r.userId);
          const conditions = [eb('role', '=', r.role)];
          if (r.townshipId !== undefined)
            conditions.push(
              r.townshipId === null ? eb('township_id', 'is', null) : eb('township_id', '=', r.townshipId),
            );
          if (r.villageId !== undefined)
            conditions.push(r.villageId === null ? eb('village_id', 'is', null) : eb('village_id', '=', r.villageId));
          return eb.and(conditions);
        }),
      ),
    )
    .orderBy('id')
    .execute();
}
