import { change } from '../../../core/change.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { auditSelf } from './audit-self.ts';

/** Changes the owner's display name or language. */
export async function updateProfile(
  deps: AppDeps,
  userId: string,
  input: { displayName?: string; locale?: 'en' | 'fr' | 'de' },
) {
  const before = await deps.db
    .selectFrom('users')
    .select(['display_name', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const after = {
    display_name: input.displayName ?? before.display_name,
    locale: input.locale ?? before.locale,
  };
  await change(deps, async (trx) => {
    await trx
      .updateTable('users')
      .set({ ...after, updated_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await auditSelf(trx, userId, 'account.profile_changed', {
      display_name: { before: before.display_name, after: after.display_name },
      locale: { before: before.locale, after: after.locale },
    });
  });
  return { displayName: after.display_name, locale: after.locale };
}
