import type { Actor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { change } from '../../core/change.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { collectPersonalData } from './personal-data.ts';

/** The caller's own personal data; the download itself is audited (who took a copy, when). */
export async function exportPersonalData(deps: AppDeps, a: Actor & { userId: string }) {
  const data = await collectPersonalData(deps.db, a.userId);
  await change(deps, async (trx) => {
    await recordAudit(trx, a, {
      action: 'account.personal_data_exported',
      recordKind: 'user',
      recordId: a.userId,
    });
  });
  return data;
}
