/**
 * List sources (files or URLs), list versions and the diff between two versions.
 * Node fs/fetch live here and in the CLI; the matching core does not touch them.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { type Entity, entityHash } from './model.ts';
import { parseEuFsfXml } from './parsers/eufsf.ts';
import { parseFtmJsonl } from './parsers/ftm.ts';
import { parseOfac } from './parsers/ofac.ts';
import { parseBisDpl, parseEu833Csv, parseUsCsl } from './parsers/tables.ts';
import { parseUnXml } from './parsers/un.ts';

export type ListFormat =
  | 'un-xml'
  | 'ofac-csv'
  | 'eu-fsf-xml'
  | 'eu-833-csv'
  | 'ftm-jsonl'
  | 'us-csl-csv'
  | 'bis-dpl-tsv';

export const LIST_FORMATS: ListFormat[] = [
  'un-xml',
  'ofac-csv',
  'eu-fsf-xml',
  'eu-833-csv',
  'ftm-jsonl',
  'us-csl-csv',
  'bis-dpl-tsv',
];

/**
 * A configured list. `location` is a file path or an http(s) URL; for `ofac-csv` it is a folder or
 * URL prefix holding sdn.csv (or cons_prim.csv), alt.csv, add.csv and sdn_comments.csv.
 */
export interface ListSource {
  listId: string;
  format: ListFormat;
  location: string;
}

export interface ListVersion {
  listId: string;
  format: ListFormat;
  location: string;
  /** Content hash of the parsed entities: equal versions have equal ids. */
  versionId: string;
  loadedAt: string;
  entities: Entity[];
  /** entity id -> content hash */
  hashes: Map<string, string>;
}

const isUrl = (loc: string) => /^https?:\/\//i.test(loc);

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return res.text();
}

async function readText(loc: string): Promise<string> {
  return isUrl(loc) ? fetchText(loc) : readFile(loc, 'utf8');
}

async function readOptional(loc: string): Promise<string | undefined> {
  try {
    return await readText(loc);
  } catch {
    return undefined;
  }
}

async function stream(loc: string): Promise<AsyncIterable<string | Buffer>> {
  if (!isUrl(loc)) return createReadStream(loc);
  const res = await fetch(loc);
  if (!res.ok || !res.body) throw new Error(`GET ${loc}: HTTP ${res.status}`);
  return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
}

function join(base: string, file: string): string {
  return `${base.replace(/\/+$/, '')}/${file}`;
}

export async function parseSource(src: ListSource): Promise<Entity[]> {
  switch (src.format) {
    case 'un-xml':
      return parseUnXml(await stream(src.location), src.location);
    case 'eu-fsf-xml':
      return parseEuFsfXml(await stream(src.location), src.location);
    case 'eu-833-csv':
      return parseEu833Csv(await readText(src.location), src.location);
    case 'ftm-jsonl':
      return parseFtmJsonl(await readText(src.location), src.location);
    case 'us-csl-csv':
      return parseUsCsl(await readText(src.location), src.location);
    case 'bis-dpl-tsv':
      return parseBisDpl(await readText(src.location), src.location);
    case 'ofac-csv': {
      const sdn =
        (await readOptional(join(src.location, 'sdn.csv'))) ??
        (await readOptional(join(src.location, 'cons_prim.csv')));
      if (sdn === undefined) throw new Error(`${src.location}: neither sdn.csv nor cons_prim.csv found`);
      const files: { sdn: string; alt?: string; add?: string; comments?: string } = { sdn };
      const alt =
        (await readOptional(join(src.location, 'alt.csv'))) ??
        (await readOptional(join(src.location, 'cons_alt.csv')));
      const add =
        (await readOptional(join(src.location, 'add.csv'))) ??
        (await readOptional(join(src.location, 'cons_add.csv')));
      const comments =
        (await readOptional(join(src.location, 'sdn_comments.csv'))) ??
        (await readOptional(join(src.location, 'cons_comments.csv')));
      if (alt !== undefined) files.alt = alt;
      if (add !== undefined) files.add = add;
      if (comments !== undefined) files.comments = comments;
      // entity ids are `<list>-<ent_num>`: stable across versions of the same list
      return parseOfac(files, src.listId.startsWith('ofac') ? src.listId : `ofac-${src.listId}`);
    }
  }
}

export function makeVersion(
  src: ListSource,
  entities: Entity[],
  loadedAt = new Date().toISOString(),
): ListVersion {
  const hashes = new Map<string, string>();
  const h = createHash('sha256');
  for (const e of [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const eh = entityHash(e);
    hashes.set(e.id, eh);
    h.update(`${e.id}:${eh}\n`);
  }
  return {
    listId: src.listId,
    format: src.format,
    location: src.location,
    versionId: h.digest('hex').slice(0, 16),
    loadedAt,
    entities,
    hashes,
  };
}

export async function loadList(src: ListSource): Promise<ListVersion> {
  return makeVersion(src, await parseSource(src));
}

export interface Amendment {
  id: string;
  before: Entity;
  after: Entity;
  /** Top-level fields that changed (names, identifiers, birthDates, ...). */
  changed: string[];
}

export interface ListDiff {
  added: Entity[];
  removed: Entity[];
  amended: Amendment[];
  unchanged: number;
}

/** Entries added, removed and amended (same id, different content hash) between two versions. */
export function diffEntities(before: Entity[], after: Entity[]): ListDiff {
  const old = new Map(before.map((e) => [e.id, e]));
  const diff: ListDiff = { added: [], removed: [], amended: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const e of after) {
    seen.add(e.id);
    const prev = old.get(e.id);
    if (!prev) {
      diff.added.push(e);
      continue;
    }
    if (entityHash(prev) === entityHash(e)) {
      diff.unchanged++;
      continue;
    }
    const changed = (Object.keys({ ...prev, ...e }) as Array<keyof Entity>).filter(
      (k) => JSON.stringify(prev[k]) !== JSON.stringify(e[k]),
    );
    diff.amended.push({ id: e.id, before: prev, after: e, changed });
  }
  for (const e of before) if (!seen.has(e.id)) diff.removed.push(e);
  return diff;
}

export function diffVersions(before: ListVersion, after: ListVersion): ListDiff {
  return diffEntities(before.entities, after.entities);
}

/**
 * Entries a new list version asks to re-screen stored parties and open cases against: the added
 * entries and the amended ones (new content).
 */
export function entriesToRescreen(diff: ListDiff): Entity[] {
  return [...diff.added, ...diff.amended.map((a) => a.after)];
}

/**
 * A dismissed (party x entry) pair stays suppressed while the entry exists with the content hash it
 * had when it was dismissed.
 */
export function suppressionHolds(dismissedHash: string, entityId: string, current: ListVersion): boolean {
  return current.hashes.get(entityId) === dismissedHash;
}
