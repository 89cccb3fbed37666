// Who may act on a step, decided from data alone so workflow validators can use it.
import type { Actor, Assignee } from './types.js';

type Identity = Pick<Actor, 'userId' | 'role' | 'townshipId' | 'villageId'>;

function matches(assignee: Assignee, who: Identity): boolean {
  if (assignee.kind === 'user') return who.userId === assignee.userId;
  if (who.role !== assignee.role) return false;
  if (assignee.townshipId != null && who.townshipId !== assignee.townshipId) return false;
  if (assignee.villageId != null && who.villageId !== assignee.villageId) return false;
  return true;
}

/** The actor, or the colleague on leave they stand in for (请假委托), is the assignee. */
export function actorIsAssignee(assignee: Assignee, actor: Actor): boolean {
  return matches(assignee, actor) || (actor.onBehalfOf !== undefined && matches(assignee, actor.onBehalfOf));
}

/**
 * The chain above a step's unit, for escalation and urging (催办): the township's
 * organisation officer, then the county. A township-level assignee goes straight to the county.
 */
export function supervisorChain(assignee: Assignee, townshipId: number | null): Assignee[] {
  const townshipLevel =
    assignee.kind === 'role' && (assignee.role === 'township_officer' || assignee.role === 'township_secretary');
  const county: Assignee = { kind: 'role', role: 'county_admin' };
  if (townshipId == null || townshipLevel) return [county];
  return [{ kind: 'role', role: 'township_officer', townshipId }, county];
}

export function actorIsSupervisor(actor: Actor, assignee: Assignee, townshipId: number | null): boolean {
  return supervisorChain(assignee, townshipId).some((s) => actorIsAssignee(s, actor));
}
