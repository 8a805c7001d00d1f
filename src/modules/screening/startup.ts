/**
 * Lists at start: every configured list (SCREENING_LISTS) is loaded as a new version when its
 * content changed; with none configured and no list loaded yet, the hand-made demo list
 * (fictitious entries) is loaded — never in production.
 */
import { systemActor } from '../../access/actor.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { indexCache } from './index-cache.ts';
import { DEMO_LIST, parseListsConfig } from './list-sources.ts';
import { currentVersions } from './list-store.ts';
import { loadListVersion } from './screening-jobs.ts';

const loading = new WeakMap<object, Promise<void>>();

/**
 * Starts loading the lists at start. The hand-made demo list (six entries) is loaded before the
 * server answers; configured lists load in the background (parsing and storing a real list takes
 * seconds): until they are in, screening answers against what is already loaded.
 */
export async function startListLoading(deps: AppDeps): Promise<void> {
  const sources = parseListsConfig(deps.config.SCREENING_LISTS);
  const p = loadListsAtStart(deps).catch((err) => console.error('screening: loading lists failed', err));
  loading.set(deps.db, p);
  if (!sources.length) await p;
}

/** Resolves when the lists of the start have been loaded (tests, CLI). */
export function listsLoaded(db: object): Promise<void> {
  return loading.get(db) ?? Promise.resolve();
}

export async function loadListsAtStart(deps: AppDeps): Promise<void> {
  const sources = parseListsConfig(deps.config.SCREENING_LISTS);
  const actor = systemActor('screening.list-load');
  const ctx = (data: Parameters<typeof loadListVersion>[0]['data']) => ({
    db: deps.db,
    actor,
    data,
    file: async () => null,
    progress: async () => {},
  });
  if (sources.length) {
    for (const s of sources) {
      try {
        await loadListVersion(
          ctx({
            listId: s.listId,
            format: s.format,
            label: `${s.listId} (${new Date().toISOString().slice(0, 10)})`,
            location: s.location,
            isDemo: false,
          }),
        );
      } catch (err) {
        console.error(
          `screening: list ${s.listId} could not be loaded from ${s.location}:`,
          (err as Error).message,
        );
      }
    }
  } else if (deps.config.NODE_ENV !== 'production' && (await currentVersions(deps.db)).length === 0) {
    await loadListVersion(
      ctx({
        listId: DEMO_LIST.listId,
        format: DEMO_LIST.format,
        label: 'Demo list (fictitious entries)',
        location: DEMO_LIST.location,
        isDemo: true,
      }),
    );
  }
  // build the index in the background (sliced): the first screening does not wait for it
  // (not in tests: a test app may close before the build ends; tests build it on first use)
  if (deps.config.NODE_ENV !== 'test')
    indexCache(deps.db)
      .get()
      .catch((err) => console.error('screening: index build failed', err));
}
