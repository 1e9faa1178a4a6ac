import type { Actor, Role } from './actor.ts';

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
  /** Client users read their own company's applications (the client portal), without fees. */
  'applications:read': ['owner', 'admin', 'staff', 'client'],
  'applications:create': ['owner', 'admin', 'staff'],
  /** Uploading checklist files: staff, and client users for their own company's applications. */
  'applications:upload': ['owner', 'admin', 'staff', 'client'],
  /** The submission package (every file of an application in one ZIP): the agency's staff. */
  'applications:package': ['owner', 'admin', 'staff'],
  /** Editing, assigning, reviewing and moving an application through its steps. */
  'applications:write': ['owner', 'admin', 'staff'],
  'users:manage': ['owner', 'admin'],
  'audit:read': ['owner', 'admin'],
  'settings:manage': ['owner', 'admin'],
  /** Reading the organisation's rule overrides (Settings → rules); changing them needs settings:manage. */
  /** The licence registry: client users read their own company's licences. */
  'licences:read': ['owner', 'admin', 'staff', 'client'],
  'licences:write': ['owner', 'admin', 'staff'],
  /** Stored obligations (合规事项): client users read their own company's; staff assign and complete them. */
  'obligations:read': ['owner', 'admin', 'staff', 'client'],
  'obligations:write': ['owner', 'admin', 'staff'],
  /** The organisation-wide calendar feed and the portfolio dashboard's figures. */
  'portfolio:read': ['owner', 'admin', 'staff'],
  'rules:read': ['owner', 'admin', 'staff'],
  'tokens:own': ['owner', 'admin', 'staff', 'client'],
  /** Spreadsheet imports of clients and licences, and their templates: the agency's staff. */
  'imports:run': ['owner', 'admin', 'staff'],
} as const satisfies Record<string, readonly Role[]>;

/** Permissions held by instance operators (users.is_operator), whatever their role: the official calendar, organisations. */
export const operatorPermissions = ['instance:operate'] as const;
export type OperatorPermission = (typeof operatorPermissions)[number];

export type Permission = keyof typeof permissionRoles | OperatorPermission | 'public';

export function roleHas(role: Role, permission: Permission): boolean {
  if (permission === 'public') return true;
  if ((operatorPermissions as readonly string[]).includes(permission)) return false;
  return (permissionRoles[permission as keyof typeof permissionRoles] as readonly Role[]).includes(role);
}

/** Whether an actor holds a permission: operator permissions by the operator flag, the others by role. */
export function actorHas(actor: Pick<Actor, 'role' | 'isOperator'>, permission: Permission): boolean {
  if ((operatorPermissions as readonly string[]).includes(permission)) return actor.isOperator;
  return roleHas(actor.role, permission);
}
