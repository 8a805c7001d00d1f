/**
 * The matcher index of the current list versions, built once per version set in the server
 * process. Building costs ~4.5 s of CPU for the real list set, so it never runs inside a request:
 * it is built lazily in small slices that yield to the event loop between them (requests keep being
 * answered meanwhile), and a screening request that arrives before it is ready gets a 503 with
 * Retry-After ("screening index loading"). Background work (jobs, the risk mandatory source) waits
 * for it instead.
 *
 * Why not a worker thread: the index is a class full of Maps and typed arrays that cannot be
 * handed across threads (a structured clone drops its prototype and would cost a rebuild), so a
 * worker would have to keep it and answer every query by message; the sliced build gives the same
 * responsiveness with one copy of the index.
 */
import { setImmediate as yieldLoop } from 'node:timers/promises';
import type { Database } from '../../db/connection.ts';
import { type Entity, ScreeningIndex } from '../../engines/screening/index.ts';
import { HttpError } from '../../http/errors.ts';
import { currentVersions, type StoredVersion, versionEntities } from './list-store.ts';

export interface LoadedIndex {
  key: string;
  versions: StoredVersion[];
  index: ScreeningIndex;
  /** entity id → the list version it comes from */
  origin: Map<string, StoredVersion>;
  builtAt: string;
}

const SLICE = 150;

/** 503 while the index is being built; the route adds Retry-After. */
export class IndexLoadingError extends HttpError {
  readonly retryAfterSeconds = 5;
  constructor() {
    super(
      503,
      'Service unavailable',
      'The screening index is loading (a new list version was loaded): try again in a few seconds.',
    );
  }
}

/** Builds an index from entities in slices, yielding to the event loop between slices. */
export async function buildIndexSliced(
  entities: Iterable<Entity>,
  onDuplicate?: (e: Entity) => void,
): Promise<ScreeningIndex> {
  const index = new ScreeningIndex();
  let n = 0;
  for (const e of entities) {
    if (index.entity(e.id)) {
      onDuplicate?.(e);
      continue;
    }
    index.add(e);
    if (++n % SLICE === 0) await yieldLoop();
  }
  return index;
}

export class IndexCache {
  private current: LoadedIndex | null = null;
  private building: { key: string; promise: Promise<LoadedIndex> } | null = null;

  constructor(private readonly db: Database) {}

  private async build(versions: StoredVersion[], key: string): Promise<LoadedIndex> {
    const origin = new Map<string, StoredVersion>();
    const all: Entity[] = [];
    for (const v of versions) {
      for (const e of await versionEntities(this.db, v.id)) {
        if (origin.has(e.id)) continue; // the same id in two lists: the first list keeps it
        origin.set(e.id, v);
        all.push(e);
      }
    }
    const index = await buildIndexSliced(all);
    return { key, versions, index, origin, builtAt: new Date().toISOString() };
  }

  /** The index for the current versions, waiting for a build when needed (background work). */
  async get(): Promise<LoadedIndex> {
    const versions = await currentVersions(this.db);
    const key = versions
      .map((v) => v.id)
      .sort()
      .join(',');
    if (this.current?.key === key) return this.current;
    if (this.building?.key !== key) {
      const promise = this.build(versions, key).then(
        (li) => {
          if (this.building?.key === key) this.building = null;
          this.current = li;
          return li;
        },
        (err) => {
          if (this.building?.key === key) this.building = null;
          throw err;
        },
      );
      this.building = { key, promise };
    }
    return this.building!.promise;
  }

  /** For requests: the ready index, else start the build and answer 503 + Retry-After. */
  async ready(): Promise<LoadedIndex> {
    const versions = await currentVersions(this.db);
    const key = versions
      .map((v) => v.id)
      .sort()
      .join(',');
    if (this.current?.key === key) return this.current;
    const p = this.get();
    p.catch(() => {});
    // a small index is ready within the same tick of slices: give it a moment before refusing
    const quick = await Promise.race([p, new Promise<null>((r) => setTimeout(() => r(null), 250))]);
    if (quick) return quick;
    throw new IndexLoadingError();
  }

  status(): { ready: boolean; building: boolean; entries: number; builtAt: string | null } {
    return {
      ready: !!this.current,
      building: !!this.building,
      entries: this.current?.index.size ?? 0,
      builtAt: this.current?.builtAt ?? null,
    };
  }
}

const caches = new WeakMap<Database, IndexCache>();

/** One cache per database (per server process; tests each have their own database). */
export function indexCache(db: Database): IndexCache {
  let c = caches.get(db);
  if (!c) {
    c = new IndexCache(db);
    caches.set(db, c);
  }
  return c;
}
