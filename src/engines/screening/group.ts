/**
 * One hit per real person (issue 18): hits on entries that are the same listed person or thing on
 * several lists (UN and OFAC, EU and UN, ...) are grouped into one hit that names every listing.
 * Two entries are the same when they share an identifier (passport, national id, IMO, ...) or when
 * they are persons with the same names (as normalised), compatible birth dates and a common
 * nationality. The representative of a group, and the order of groups with equal scores, follow
 * the quality of the match (birth date agreement, name parts matched, a primary name), never the id.
 */
import { birthYearSpan, type Entity } from './model.ts';
import { normalizeName } from './normalize.ts';

export interface Listing {
  entityId: string;
  sourceList: string;
  programmes: string[];
  score: number;
}

/** Minimal hit shape grouped here (the matcher's `Hit`). */
export interface GroupableHit {
  entityId: string;
  entity: Entity;
  score: number;
  nameScore: number;
  matchedName: { strength: string };
  explanation: string[];
  /** Other listings of the same person or thing, when hits are grouped (best first). */
  sameAs?: Listing[];
}

const ID_TYPES = new Set([
  'passport',
  'national_id',
  'imo',
  'mmsi',
  'tax',
  'swift',
  'registration',
  'aircraft',
]);

function idKeys(e: Entity): string[] {
  return e.identifiers
    .filter((i) => ID_TYPES.has(i.type) && i.normalized.length >= 5)
    .map((i) => `${i.type === 'passport' || i.type === 'national_id' ? 'doc' : i.type}:${i.normalized}`);
}

/** Sorted name-part forms of every name: the same set on both entries means the same names. */
function nameKeys(e: Entity): Set<string> {
  const mode = e.kind === 'person' ? 'person' : 'org';
  const out = new Set<string>();
  for (const n of e.names) {
    if (n.strength === 'weak') continue;
    const forms = normalizeName(n.value, mode)
      .tokens.filter((t) => t.cls !== 'particle')
      .map((t) => t.form)
      .sort();
    if (forms.length >= 2) out.add(forms.join(' '));
  }
  return out;
}

function birthCompatible(a: Entity, b: Entity): boolean {
  if (!a.birthDates.length || !b.birthDates.length) return false;
  return a.birthDates.some((x) => {
    const sx = birthYearSpan(x);
    return b.birthDates.some((y) => {
      if (x.kind === 'exact' && y.kind === 'exact' && x.date && y.date) return x.date === y.date;
      const sy = birthYearSpan(y);
      return !!sx && !!sy && sx[0] <= sy[1] && sy[0] <= sx[1];
    });
  });
}

/** True when two listed entries are the same person or thing. */
export function sameListedEntity(a: Entity, b: Entity): boolean {
  if (a.id === b.id) return true;
  if ((a.kind === 'person') !== (b.kind === 'person')) return false;
  const ka = idKeys(a);
  if (ka.length) {
    const kb = new Set(idKeys(b));
    if (ka.some((k) => kb.has(k))) return true;
  }
  if (a.kind !== 'person' || a.sourceList === b.sourceList) return false;
  const na = nameKeys(a);
  const nb = nameKeys(b);
  const sameName = [...na].some((k) => nb.has(k));
  const sameCountry =
    a.countryCodes.length > 0 &&
    b.countryCodes.length > 0 &&
    a.countryCodes.some((c) => b.countryCodes.includes(c));
  return sameName && sameCountry && birthCompatible(a, b);
}

/** Quality of a hit beyond its score: birth date agreement, name parts matched, primary name. */
function quality(h: GroupableHit): number[] {
  const birth = h.explanation.some(
    (x) => x.startsWith('birth date equal') || x.startsWith('birth year compatible'),
  )
    ? 1
    : 0;
  const parts = h.explanation[0]?.match(/parts ([^;]*)/)?.[1]?.split(',').length ?? 0;
  return [
    birth,
    h.nameScore,
    parts,
    h.matchedName.strength === 'primary' ? 1 : 0,
    h.entity.identifiers.length,
  ];
}

/** Best hit first: score, then match quality; equal quality keeps the incoming order. */
export function compareHitQuality(a: GroupableHit, b: GroupableHit): number {
  if (b.score !== a.score) return b.score - a.score;
  const qa = quality(a);
  const qb = quality(b);
  for (let i = 0; i < qa.length; i++) if (qb[i] !== qa[i]) return qb[i]! - qa[i]!;
  return 0;
}

/**
 * Group hits that are the same listed person or thing. Each group is returned as its best hit with
 * `sameAs` listing the other entries (with their lists, programmes and scores).
 */
export function groupHits<H extends GroupableHit>(hits: H[]): H[] {
  const sorted = [...hits].sort(compareHitQuality);
  const groups: H[][] = [];
  for (const h of sorted) {
    const g = groups.find((members) => members.some((m) => sameListedEntity(m.entity, h.entity)));
    if (g) g.push(h);
    else groups.push([h]);
  }
  return groups.map(([head, ...rest]) =>
    rest.length
      ? {
          ...head!,
          sameAs: rest.map((r) => ({
            entityId: r.entityId,
            sourceList: r.entity.sourceList,
            programmes: r.entity.programmes,
            score: r.score,
          })),
        }
      : head!,
  );
}
