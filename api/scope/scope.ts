// Organisational scope: what part of the county a signed-in user may see. Every query
// narrows by it in SQL; the console merely reflects it.
import type { Role } from '../../db/schema.js';
import type { SessionUser } from '../context.js';
import { fail } from '../errors/errors.js';

export type Scope =
  | { level: 'county' }
  | { level: 'township'; townshipId: number }
  | { level: 'village'; townshipId: number; villageId: number }
  | { level: 'person'; townshipId: number; villageId: number; personId: number };

const LEVEL_OF_ROLE: Record<Role, Scope['level']> = {
  county_admin: 'county',
  auditor: 'county',
  township_officer: 'township',
  township_secretary: 'township',
  village_secretary: 'village',
  mentor: 'person',
  cadre: 'person',
};

export function scopeOf(user: SessionUser): Scope {
  const level = LEVEL_OF_ROLE[user.role];
  // An account missing the unit its role needs sees nothing rather than everything.
  switch (level) {
    case 'county':
      return { level };
    case 'township':
      if (user.townshipId == null) throw fail('forbidden');
      return { level, townshipId: user.townshipId };
    case 'village':
      if (user.townshipId == null || user.villageId == null) throw fail('forbidden');
      return { level, townshipId: user.townshipId, villageId: user.villageId };
    case 'person':
      if (user.townshipId == null || user.villageId == null || user.personId == null) throw fail('forbidden');
      return { level, townshipId: user.townshipId, villageId: user.villageId, personId: user.personId };
  }
}
