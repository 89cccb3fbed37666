// The signed-in user as a workflow sees them: every Update that acts for a person carries this,
// and the workflow's validators check it (the API vouches for it; the client never sends it).
import type { Actor, Delegator } from '../../workflows/human-step/types.js';
import type { SessionUser } from '../context.js';

export function actorOf(user: SessionUser, onBehalfOf?: Delegator): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    townshipId: user.townshipId,
    villageId: user.villageId,
    personId: user.personId,
    ...(onBehalfOf ? { onBehalfOf } : {}),
  };
}
