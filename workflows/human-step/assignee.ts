// Who may act on a step, decided from data alone so workflow validators can use it.
import type { Actor, Assignee } from './types.js';

export function actorIsAssignee(assignee: Assignee, actor: Actor): boolean {
  if (assignee.kind === 'user') return actor.userId === assignee.userId || actor.onBehalfOf === assignee.userId;
  if (actor.role !== assignee.role) return false;
  if (assignee.townshipId != null && actor.townshipId !== assignee.townshipId) return false;
  if (assignee.villageId != null && actor.villageId !== assignee.villageId) return false;
  return true;
}

/**
 * The chain above a step's unit, for escalation and urging (催办): the township's
 * organisation officer, then the county. A township-level assignee goes straight to the county.
 */
export function supervisorChain(assignee: Assignee, townshipId: number | null): Assignee[] {
  const townshipLevel = assignee.kind === 'role' && (assignee.role === 'township_officer' || assignee.role === 'township_secretary');
  const county: Assignee = { kind: 'role', role: 'county_admin' };
  if (townshipId == null || townshipLevel) return [county];
  return [{ kind: 'role', role: 'township_officer', townshipId }, county];
}

export function actorIsSupervisor(actor: Actor, assignee: Assignee, townshipId: number | null): boolean {
  return supervisorChain(assignee, townshipId).some((s) => actorIsAssignee(s, actor));
}
