import type { Actor } from '../../../access/actor.ts';
import { screeningAbilities } from '../../../access/screening-policy.ts';
import type { Database } from '../../../db/connection.ts';
import { THRESHOLDS } from '../cases.ts';
import { indexCache } from '../index-cache.ts';
import { currentVersions } from '../list-store.ts';

/**
 * What the caller may do in screening; for those who read the lists also the thresholds, the
 * matcher index's state and the list versions in use. Anonymous callers get their (empty) abilities.
 */
export async function screeningAbilitiesOf(db: Database, actor: Actor) {
  const abilities = screeningAbilities(actor);
  if (!abilities.readLists) return { abilities };
  const versions = await currentVersions(db);
  return {
    abilities,
    ...THRESHOLDS,
    index: indexCache(db).status(),
    lists: versions.map((v) => ({
      id: v.id,
      listId: v.listId,
      label: v.label,
      isDemo: v.isDemo,
      entryCount: v.entryCount,
      loadedAt: v.loadedAt,
    })),
  };
}
