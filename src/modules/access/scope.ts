import type { DeleteQueryBuilder, SelectQueryBuilder, UpdateQueryBuilder } from 'kysely';
import { NO_ROW_ID, type Scope } from './actor.ts';

type Scopable = SelectQueryBuilder<any, any, any> | UpdateQueryBuilder<any, any, any, any> | DeleteQueryBuilder<any, any, any>;

/**
 * The one tenant filter: every repository query over tenant data goes through here.
 * `columns.client` names the column holding the client company id (for the clients table itself, its id).
 */
export function withinScope<Q extends Scopable>(query: Q, scope: Scope, columns: { org: string; client: string | null }): Q {
  let q = (query as any).where(columns.org, '=', scope.orgId);
  if (scope.clientId !== null) {
    // Organisation-wide data (no client column) is never visible to a client user.
    q = columns.client ? q.where(columns.client, '=', scope.clientId) : q.where(columns.org, '=', NO_ROW_ID);
  }
  return q as Q;
}

