import { hashPassword, passwordProblem, verifyPassword } from '../../../auth/crypto.ts';
import { destroyUserSessions } from '../../../auth/sessions.ts';
import { change } from '../../../core/change.ts';
import { badRequest } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { auditSelf } from './audit-self.ts';

/** Changes the owner's password and ends their other sessions (the current one stays). */
export async function changePassword(
  deps: AppDeps,
  userId: string,
  input: { currentPassword: string; newPassword: string; keepSessionId?: string },
): Promise<void> {
  const u = await deps.db
    .selectFrom('users')
    .select(['password_hash', 'email'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(u.password_hash, input.currentPassword))) {
    throw badRequest('The current password is wrong.', [
      { field: 'body.currentPassword', message: 'is wrong' },
    ]);
  }
  const problem = passwordProblem(input.newPassword, u.email);
  if (problem) throw badRequest(problem, [{ field: 'body.newPassword', message: problem }]);
  const hash = await hashPassword(input.newPassword);
  await change(deps, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await auditSelf(trx, userId, 'account.password_changed');
  });
  await destroyUserSessions(deps.db, userId, input.keepSessionId);
}
