import type { Db } from '../../platform/db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Bilingual } from '../../platform/errors/app-error.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { revokeUserTokens } from '../tokens/repository.ts';
import { deleteUserSessions } from './repository.ts';

/**
 * Ends a user's sessions and revokes their API tokens, audited: after a password reset, a deactivation or a role
 * change nothing issued before keeps working, and a later reactivation brings none of it back.
 */
export async function endUserAccess(
  db: Db,
  input: { actor: Pick<Actor, 'userId' | 'orgId'>; clock: Clock; user: { id: string; email: string }; reason: Bilingual },
): Promise<{ sessions: number; tokens: number }> {
  const sessions = await deleteUserSessions(db, input.user.id);
  const tokens = await revokeUserTokens(db, { userId: input.user.id, at: input.clock.now() });
  if (sessions + tokens > 0) {
    await recordAudit(db, {
      actor: input.actor,
      clock: input.clock,
      action: 'user.access-ended',
      entityType: 'user',
      entityId: input.user.id,
      summary: {
        zh: `${input.reason.zh}：结束 ${input.user.email} 的 ${sessions} 个会话，撤销 ${tokens} 个 API 令牌`,
        en: `${input.reason.en}: ended ${sessions} session(s) and revoked ${tokens} API token(s) of ${input.user.email}`,
      },
      changes: { sessions, tokens },
    });
  }
  return { sessions, tokens };
}
