/** The roles a user can hold within their organisation. */
export const roles = ['owner', 'admin', 'staff', 'client'] as const;
export type Role = (typeof roles)[number];

/** Who is making a request, resolved once by authentication. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  /** For the client role: the one client company the user may reach. */
  clientId: string | null;
  email: string;
  name: string;
  /** An instance operator: loads the official calendar and manages organisations, whatever the role. */
  isOperator: boolean;
  via: 'session' | 'token' | 'cli';
}

/** The rows a actor may reach: always one organisation, and for client users one company in it. */
export interface Scope {
  orgId: string;
  clientId: string | null;
}

/** An id no row has: a filter on it matches nothing (a client user without a linked company sees nothing). */
export const NO_ROW_ID = '00000000-0000-0000-0000-000000000000';

export function scopeOf(actor: Actor): Scope {
  return { orgId: actor.orgId, clientId: actor.role === 'client' ? actor.clientId ?? NO_ROW_ID : null };
}

/** The operator at the command line: acts as an owner of one organisation and as the instance's operator; audited with no user. */
export function operatorActor(orgId: string): Actor {
  return { userId: '', orgId, role: 'owner', clientId: null, email: 'cli', name: '命令行 CLI', isOperator: true, via: 'cli' };
}
