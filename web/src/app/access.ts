import type { Role } from './auth/auth-context';

const everyone: readonly Role[] = ['owner', 'admin', 'staff', 'client'];
const agencyStaff: readonly Role[] = ['owner', 'admin', 'staff'];
const administrators: readonly Role[] = ['owner', 'admin'];

/**
 * What each role may see or do in the UI. Mirrors the server's permission table
 * (src/modules/access/permissions.ts); the server stays the authority.
 */
export const accessRoles = {
  signedIn: everyone,
  listClients: agencyStaff,
  createClients: agencyStaff,
  editClients: everyone,
  archiveClients: agencyStaff,
  viewAudit: administrators,
  manageSettings: administrators,
  manageUsers: administrators,
  /** Load and remove official holiday arrangements (server: settings:manage). */
  manageCalendar: administrators,
  /** Change the organisation's rule overrides (server: settings:manage). */
  manageRules: administrators,
  createOwners: ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type AccessFlag = keyof typeof accessRoles;

export function can(role: Role, flag: AccessFlag): boolean {
  return (accessRoles[flag] as readonly Role[]).includes(role);
}
