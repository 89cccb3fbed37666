// Who may change what, and who sees personal data in full. Reading is governed by scope;
// these are the extra rights some roles have inside it.
import type { Role } from '../../db/schema.js';

export type WritableResource = 'townships' | 'villages' | 'cadres' | 'users';

const WRITERS: Record<WritableResource, readonly Role[]> = {
  townships: ['county_admin'],
  villages: ['county_admin'],
  // The township's organisation officer keeps the personnel files of its villages.
  cadres: ['county_admin', 'township_officer'],
  users: ['county_admin'],
};

export function canWrite(role: Role, resource: WritableResource): boolean {
  return WRITERS[resource].includes(role);
}

/** Roles whose work needs full ID numbers and phones (personnel files, contact). */
const FULL_PII_ROLES: readonly Role[] = ['county_admin', 'township_officer'];

export function seesFullPii(role: Role, isOwnRecord: boolean): boolean {
  return isOwnRecord || FULL_PII_ROLES.includes(role);
}

/** Roles that may read the audit log. */
export const AUDIT_READERS: readonly Role[] = ['county_admin', 'auditor'];
