import type { Actor } from '../../../access/actor.ts';
import type { Database } from '../../../db/connection.ts';
import { makeBundle, type StixObject } from '../../../engines/stix/index.ts';
import { riskInformationObjects } from '../../stix/operations/risk-information-objects.ts';
import { type Audience, STIX_MEDIA_TYPE } from './taxii-collections.ts';
import { TaxiiError } from './taxii-errors.ts';

/** At most this many records are read for one page (and objects per page: `limit`, at most MAX_LIMIT). */
const MAX_RECORDS = 5000;
export const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;

export interface TaxiiQuery {
  added_after?: string;
  limit?: string;
  next?: string;
  'match[id]'?: string;
  'match[type]'?: string;
  'match[version]'?: string;
  'match[spec_version]'?: string;
}

interface Dated {
  object: StixObject;
  dateAdded: Date;
}

export interface TaxiiPage {
  more: boolean;
  next?: string;
  items: Dated[];
}

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

function parseTime(name: string, v: string): Date {
  const t = Date.parse(v);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) || Number.isNaN(t))
    throw new TaxiiError(400, 'Bad request', `${name}: a timestamp in UTC such as 2030-01-02T10:00:00.000Z`);
  return new Date(t);
}

const cursor = (d: Dated) => Buffer.from(`${d.dateAdded.toISOString()}|${d.object.id}`).toString('base64url');
function parseCursor(next: string): { at: string; id: string } {
  const [at, id] = Buffer.from(next, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)))
    throw new TaxiiError(400, 'Bad request', 'next: not a value this server gave.');
  return { at, id };
}
const after = (d: Dated, c: { at: string; id: string }) => {
  const at = d.dateAdded.toISOString();
  return at > c.at || (at === c.at && d.object.id > c.id);
};

/** The objects of a collection for the caller: each with the time its version was added; shared objects once, at their first use. */
async function collectionObjects(
  db: Database,
  actor: Actor,
  audience: Audience,
  addedAfter?: Date,
): Promise<Dated[]> {
  const records = await riskInformationObjects(db, actor, {
    distributions: audience.distributions,
    ...(addedAfter ? { after: addedAfter } : {}),
    limit: MAX_RECORDS,
  });
  const byId = new Map<string, Dated>();
  for (const r of records) {
    const addedAt = new Date(r.addedAt.getTime()); // milliseconds, as clients see them
    // records come oldest change first: an object shared by several records (an administration's
    // identity, a marking) keeps its first addition unless a record brings a newer version of it
    for (const object of makeBundle(r.objects).objects) {
      const prev = byId.get(object.id);
      if (!prev || String(object.modified ?? '') > String(prev.object.modified ?? ''))
        byId.set(object.id, { object, dateAdded: addedAt });
    }
  }
  return [...byId.values()]
    .filter((d) => !addedAfter || d.dateAdded > addedAfter)
    .sort((a, b) => a.dateAdded.getTime() - b.dateAdded.getTime() || (a.object.id < b.object.id ? -1 : 1));
}

/** Filters of TAXII 2.1 (match[id|type|version|spec_version]); the platform serves the current version of each object. */
function matches(d: Dated, q: TaxiiQuery): boolean {
  const ids = list(q['match[id]']);
  const types = list(q['match[type]']);
  const versions = list(q['match[version]']) ?? ['last'];
  const specs = list(q['match[spec_version]']);
  if (ids && !ids.includes(d.object.id)) return false;
  if (types && !types.includes(d.object.type)) return false;
  if (specs && !specs.includes('2.1')) return false;
  const version = String(d.object.modified ?? d.object.created);
  return versions.some((v) => v === 'last' || v === 'first' || v === 'all' || v === version);
}

/** One page of a collection's objects (objects and manifest endpoints), oldest addition first. */
export async function collectionPage(
  db: Database,
  actor: Actor,
  audience: Audience,
  q: TaxiiQuery,
  objectId?: string,
): Promise<TaxiiPage> {
  const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new TaxiiError(400, 'Bad request', 'limit: a whole number of objects, at least 1.');
  const addedAfter = q.added_after ? parseTime('added_after', q.added_after) : undefined;
  const from = q.next ? parseCursor(q.next) : undefined;
  const all = (await collectionObjects(db, actor, audience, addedAfter)).filter(
    (d) => (!objectId || d.object.id === objectId) && matches(d, q) && (!from || after(d, from)),
  );
  const items = all.slice(0, Math.min(limit, MAX_LIMIT));
  const more = all.length > items.length;
  return { more, ...(more ? { next: cursor(items.at(-1)!) } : {}), items };
}

/** The envelope of a page (objects endpoint). */
export const envelope = (p: TaxiiPage) => ({
  more: p.more,
  ...(p.next ? { next: p.next } : {}),
  ...(p.items.length ? { objects: p.items.map((d) => d.object) } : {}),
});

/** The manifest of a page. */
export const manifest = (p: TaxiiPage) => ({
  more: p.more,
  ...(p.next ? { next: p.next } : {}),
  ...(p.items.length
    ? {
        objects: p.items.map((d) => ({
          id: d.object.id,
          date_added: d.dateAdded.toISOString(),
          version: String(d.object.modified ?? d.object.created),
          media_type: STIX_MEDIA_TYPE,
        })),
      }
    : {}),
});

/** The headers X-TAXII-Date-Added-First/-Last of a page. */
export function dateHeaders(p: TaxiiPage): Record<string, string> {
  if (p.items.length === 0) return {};
  return {
    'X-TAXII-Date-Added-First': p.items[0]!.dateAdded.toISOString(),
    'X-TAXII-Date-Added-Last': p.items.at(-1)!.dateAdded.toISOString(),
  };
}
