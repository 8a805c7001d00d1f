import type { z } from 'zod';
import { hasScope } from '../../../access/actor.ts';
import { canActScreeningOwn, canScreenOne } from '../../../access/screening-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import { forbidden } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { hitJson, screenOne, THRESHOLDS } from '../cases.ts';
import { indexCache } from '../index-cache.ts';
import { storeAndScreen } from '../screen-parties.ts';
import type { partyBody } from '../screening-schema.ts';
import type { SignedIn } from './signed-in.ts';

/**
 * Screens one party against the current lists: explained hits at or above the review band. The
 * query is answered and forgotten; with `save` (screening reviewers, a key with the write scope)
 * it is stored as a party of the caller's administration, its cases raised, audited without the
 * name. 503 (IndexLoadingError) while the matcher index is being built.
 */
export async function screenParty(deps: AppDeps, a: SignedIn, input: z.output<typeof partyBody>) {
  if (!canScreenOne(a)) throw forbidden('Screening is open to the users of a customs administration.');
  const { save, ...party } = input;
  // The route declares the read scope (a query); storing the party needs the write scope too.
  if (save && !hasScope(a, 'write'))
    throw forbidden('This API key lacks the write scope this request needs.');
  if (save && !canActScreeningOwn(a))
    throw forbidden('Saving a party and raising cases needs the screening reviewer role.');
  const li = await indexCache(deps.db).ready();
  const lists = () => li.versions.map((v) => ({ listId: v.listId, label: v.label, isDemo: v.isDemo }));
  if (!save) {
    const hits = screenOne(li.index, party, 10).map((h) => hitJson(h, li.origin));
    return { ...THRESHOLDS, hits, saved: null, lists: lists() };
  }
  const [s] = await change(deps, async (trx) => {
    const res = await storeAndScreen(trx, a, a.orgId, li, [party], 'search');
    await recordAudit(trx, a, {
      action: 'screening.party_saved',
      recordKind: 'screening_party',
      recordId: res[0]!.partyId,
      changes: { hits: res[0]!.hits.length },
    });
    return res;
  });
  return { ...THRESHOLDS, hits: s!.hits, saved: s!.partyId, lists: lists() };
}
