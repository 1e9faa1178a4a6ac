import type { Role } from './actor.ts';

/**
 * Every permission a route can require, and the roles that hold it. This table is the access policy.
 */
export const permissionRoles = {
  /** Any signed-in user. */
  authenticated: ['owner', 'admin', 'staff', 'client'],
  'clients:read': ['owner', 'admin', 'staff', 'client'],
  'clients:write': ['owner', 'admin', 'staff', 'client'],
  'clients:create': ['owner', 'admin', 'staff'],
  'clients:archive': ['owner', 'admin', 'staff'],
  'users:manage': ['owner', 'admin'],
  'audit:read': ['owner', 'admin'],
  'settings:manage': ['owner', 'admin'],
  /** Reading the organisation's rule overrides (Settings → rules); changing them needs settings:manage. */
  'rules:read': ['owner', 'admin', 'staff'],
  'tokens:own': ['owner', 'admin', 'staff', 'client'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles | 'public';

export function roleHas(role: Role, permission: Permission): boolean {
  if (permission === 'public') return true;
  return (permissionRoles[permission] as readonly Role[]).includes(role);
}
