/**
 * Screening index and matcher. Candidates come from an inverted index (name-part keys with
 * one-edit deletion variants, joined adjacent parts, phonetic keys, consonant skeletons,
 * identifiers), never from a scan of the whole list; candidates are then scored name by name.
 */
import { compareNames, explainComparison } from './compare.ts';
import { countryCode } from './countries.ts';
import { compareHitQuality, groupHits, type Listing } from './group.ts';
import {
  birthYearSpan,
  type Entity,
  type EntityKind,
  type EntityName,
  type IdentifierType,
  normalizeIdentifier,
  parseBirthDate,
} from './model.ts';
import { type NameMode, type NormName, normalizeName } from './normalize.ts';

/**
 * Default threshold. A score >= 0.80 means: every significant part of the query name pairs with a
 * part of a listed name (in any order) with at most about one typing or transliteration difference
 * per part, the listed name may add middle names, patronymics or a legal form, and no birth date,
 * country or kind disagreement pulls it down. Hits at or above it become review cases.
 */
export const DEFAULT_THRESHOLD = 0.8;
/** Review band [0.65, 0.80): plausible but weaker similarity; queued for a reviewer, not a case. */
export const REVIEW_THRESHOLD = 0.65;

export interface QueryIdentifier {
  type?: IdentifierType;
  value: string;
}

export interface ScreeningQuery {
  name: string;
  kind?: EntityKind;
  /** Birth date as written (YYYY-MM-DD, YYYY, "12 Jan 1960", ...). */
  birthDate?: string;
  /** Country name or ISO-2 code (nationality, residence or registration). */
  country?: string;
  identifiers?: QueryIdentifier[];
}

export interface Hit {
  entityId: string;
  entity: Entity;
  score: number;
  band: 'match' | 'review';
  nameScore: number;
  matchedName: EntityName;
  explanation: string[];
  /** With `group`: the other listings of the same person or thing (other lists), best first. */
  sameAs?: Listing[];
}

export interface ScreenOptions {
  /** One hit per real person: hits on entries that are the same person on several lists are merged. */
  group?: boolean;
  threshold?: number;
  reviewThreshold?: number;
  /** Maximum number of hits returned. */
  limit?: number;
  /** Maximum number of candidates scored. */
  maxCandidates?: number;
}

export interface ScreeningResult {
  query: ScreeningQuery;
  hits: Hit[];
  candidatesScored: number;
}

interface IndexedName {
  name: EntityName;
  norm: NormName;
}

interface IndexedEntity {
  entity: Entity;
  mode: NameMode;
  names: IndexedName[];
}

const modeOf = (kind: EntityKind | undefined): NameMode => (kind === 'person' ? 'person' : 'org');

/**
 * The names of an alias field that joins several ("Rosneft / Rosneft Oil Company", "A; B"): split at
 * ";" and at "/" written with a space on either side or between two words of three or more letters
 * (a legal form such as "A/S" or "S/A" stays whole).
 */
export function splitAliases(raw: string): string[] {
  const parts = raw
    .split(/;|\s\/|\/\s|(?<=\p{L}{3})\/(?=\p{L}{3})/u)
    .map((x) => x.trim())
    .filter((x) => /[\p{L}\p{N}]/u.test(x));
  return parts.length > 1 ? parts : [raw];
}

function deletions(form: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < form.length; i++) out.push(form.slice(0, i) + form.slice(i + 1));
  return out;
}

/**
 * Index keys of a normalised name, grouped by the name part (or pair of adjacent parts) they come
 * from: a query part contributes to a listed name at most once, with its best key.
 */
function nameKeyGroups(n: NormName, forQuery: boolean): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const add = (group: string, key: string) => {
    const g = groups.get(group);
    if (g) g.push(key);
    else groups.set(group, [key]);
  };
  const toks = n.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.cls === 'particle') continue;
    if (t.cls !== 'number' || toks.length === 1) {
      add(t.form, `x:${t.form}`);
      add(t.form, `d:${t.form}`);
    }
    if (t.cls === 'name' || t.cls === 'initial' || t.cls === 'symbol') {
      if (t.form.length >= 4) for (const d of deletions(t.form)) add(t.form, `d:${d}`);
      if (t.phonetic.length >= 3) add(t.form, `p:${t.phonetic}`);
      if (t.skeleton.length >= 3) add(t.form, `s:${t.skeleton}`);
    }
    // joined / split words: adjacent parts concatenated
    const next = toks[i + 1];
    if (next) {
      const joined = t.form + next.form;
      add(joined, `d:${joined}`);
      if (forQuery && joined.length >= 4) for (const d of deletions(joined)) add(joined, `d:${d}`);
    }
  }
  return groups;
}

function nameKeys(n: NormName): Set<string> {
  const keys = new Set<string>();
  for (const g of nameKeyGroups(n, false).values()) for (const k of g) keys.add(k);
  return keys;
}

function idKey(value: string): string {
  return `i:${normalizeIdentifier(value).replace(/^(IMO|MMSI)(?=\d)/, '')}`;
}

/**
 * Hit order: score, then the quality of the match (birth date agreement, name similarity, name parts
 * matched, a primary name); the entry id only when all of these are equal (stable output).
 */
function compareHits(a: Hit, b: Hit): number {
  return compareHitQuality(a, b) || (a.entityId < b.entityId ? -1 : 1);
}

const STRENGTH_FACTOR: Record<string, number> = { primary: 1, alias: 1, weak: 0.9 };

export class ScreeningIndex {
  readonly entries: IndexedEntity[] = [];
  /** Global name table: [entity index, name index]; postings point into it. */
  private readonly nameRefs: Array<[number, number]> = [];
  /** 0 = person rules, 1 = organisation rules, per name ref. */
  private readonly refMode: number[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly byId = new Map<string, number>();

  constructor(entities: Iterable<Entity> = []) {
    for (const e of entities) this.add(e);
  }

  get size(): number {
    return this.entries.length;
  }

  entity(id: string): Entity | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entries[i]!.entity;
  }

  add(entity: Entity): void {
    if (this.byId.has(entity.id)) throw new Error(`duplicate entity id ${entity.id}`);
    const idx = this.entries.length;
    const mode = modeOf(entity.kind);
    const names = entity.names.flatMap((name) =>
      splitAliases(name.value).map((value) => ({ name, norm: normalizeName(value, mode) })),
    );
    this.entries.push({ entity, mode, names });
    this.byId.set(entity.id, idx);
    const post = (k: string, ref: number) => {
      const list = this.postings.get(k);
      if (!list) this.postings.set(k, [ref]);
      else if (list[list.length - 1] !== ref) list.push(ref);
    };
    const first = this.nameRefs.length;
    names.forEach((n, ni) => {
      const ref = this.nameRefs.length;
      this.nameRefs.push([idx, ni]);
      this.refMode.push(mode === 'person' ? 0 : 1);
      for (const k of nameKeys(n.norm)) post(k, ref);
    });
    // identifiers point at the entity's first name; the entity is then scored on all its names
    for (const id of entity.identifiers) if (id.normalized.length >= 4) post(idKey(id.normalized), first);
  }

  private acc = new Float64Array(0);
  private best = new Float64Array(0);

  /** Candidate entities with the names worth scoring (undefined = all names: identifier match). */
  private candidates(
    query: ScreeningQuery,
    norms: NormName[],
    max: number,
  ): Map<number, number[] | undefined> {
    const n = Math.max(1, this.nameRefs.length);
    if (this.acc.length < this.nameRefs.length) {
      this.acc = new Float64Array(this.nameRefs.length * 2);
      this.best = new Float64Array(this.nameRefs.length * 2);
    }
    const acc = this.acc;
    const best = this.best;
    // a query normalised with person rules looks at person names only, with organisation rules at the others
    const groups = new Map<string, { mode: number; keys: Set<string> }>();
    for (const norm of norms) {
      const mode = norm.mode === 'person' ? 0 : 1;
      for (const [g, keys] of nameKeyGroups(norm, true)) {
        const id = `${mode}:${g}`;
        const entry = groups.get(id) ?? { mode, keys: new Set<string>() };
        for (const k of keys) entry.keys.add(k);
        groups.set(id, entry);
      }
    }
    const refMode = this.refMode;
    const out = new Map<number, number[] | undefined>();
    for (const id of query.identifiers ?? []) {
      for (const ref of this.postings.get(idKey(id.value)) ?? []) out.set(this.nameRefs[ref]![0], undefined);
    }
    // very common keys (> 5 % of all names) add little and cost most: used only when nothing rarer exists
    const common = n / 20;
    const perGroup: Array<{ mode: number; lists: Array<[number[], number]> }> = [];
    let anyRare = false;
    for (const { mode, keys } of groups.values()) {
      const lists: Array<[number[], number]> = [];
      for (const k of keys) {
        const list = this.postings.get(k);
        if (!list) continue;
        if (list.length <= common) anyRare = true;
        // exact part > one-edit variant > phonetic or skeleton key
        const kind = k.charCodeAt(0);
        const factor = kind === 120 /* x */ ? 1 : kind === 100 /* d */ ? 0.8 : 0.5;
        lists.push([list, Math.log(1 + n / list.length) * factor]);
      }
      perGroup.push({ mode, lists });
    }
    const touched: number[] = [];
    const groupTouched: number[] = [];
    for (const { mode, lists } of perGroup) {
      // best key of this query part per listed name
      for (const [list, weight] of lists) {
        if (anyRare && list.length > common) continue;
        for (const ref of list) {
          if (refMode[ref] !== mode) continue;
          if (best[ref] === 0) groupTouched.push(ref);
          if (weight > best[ref]!) best[ref] = weight;
        }
      }
      for (const ref of groupTouched) {
        if (acc[ref] === 0) touched.push(ref);
        acc[ref] = acc[ref]! + best[ref]!;
        best[ref] = 0;
      }
      groupTouched.length = 0;
    }
    let top = 0;
    for (const ref of touched) if (acc[ref]! > top) top = acc[ref]!;
    const floor = top * 0.25;
    const kept = touched.filter((ref) => acc[ref]! >= floor).sort((a, b) => acc[b]! - acc[a]!);
    for (const ref of kept.slice(0, max)) {
      const [ei, ni] = this.nameRefs[ref]!;
      if (out.has(ei)) {
        const list = out.get(ei);
        if (list) list.push(ni);
      } else out.set(ei, [ni]);
    }
    for (const ref of touched) acc[ref] = 0;
    return out;
  }

  screen(query: ScreeningQuery, opts: ScreenOptions = {}): ScreeningResult {
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    const review = Math.min(opts.reviewThreshold ?? REVIEW_THRESHOLD, threshold);
    const limit = opts.limit ?? 10;
    const aliases = splitAliases(query.name);
    if (aliases.length > 1) return this.screenAliases(query, aliases, opts);
    const qNorm: Partial<Record<NameMode, NormName>> = {};
    const normFor = (mode: NameMode) => (qNorm[mode] ??= normalizeName(query.name, mode));
    const norms = query.kind ? [normFor(modeOf(query.kind))] : [normFor('person'), normFor('org')];
    const cands = this.candidates(query, norms, opts.maxCandidates ?? 64);
    const hits: Hit[] = [];
    for (const [ci, names] of cands) {
      const hit = this.scoreEntity(query, this.entries[ci]!, normFor, names);
      if (hit && hit.score >= review) {
        hit.band = hit.score >= threshold ? 'match' : 'review';
        hits.push(hit);
      }
    }
    hits.sort(compareHits);
    const out = opts.group ? groupHits(hits) : hits;
    return { query, hits: out.slice(0, limit), candidatesScored: cands.size };
  }

  /** A query naming several aliases: each screened, the best hit per entry kept. */
  private screenAliases(query: ScreeningQuery, aliases: string[], opts: ScreenOptions): ScreeningResult {
    const best = new Map<string, Hit>();
    let scored = 0;
    for (const name of aliases) {
      const r = this.screen({ ...query, name }, { ...opts, group: false, limit: Number.MAX_SAFE_INTEGER });
      scored += r.candidatesScored;
      for (const h of r.hits) {
        const prev = best.get(h.entityId);
        if (!prev || h.score > prev.score) best.set(h.entityId, h);
      }
    }
    const hits = [...best.values()].sort(compareHits);
    const out = opts.group ? groupHits(hits) : hits;
    return { query, hits: out.slice(0, opts.limit ?? 10), candidatesScored: scored };
  }

  /** Score one listed entity (by id) against the query: re-screening a known (party x entry) pair. */
  scorePair(query: ScreeningQuery, entityId: string): Hit | undefined {
    const i = this.byId.get(entityId);
    return i === undefined ? undefined : this.scoreEntity(query, this.entries[i]!);
  }

  private scoreEntity(
    query: ScreeningQuery,
    ie: IndexedEntity,
    normFor: (mode: NameMode) => NormName = (m) => normalizeName(query.name, m),
    nameIdx?: number[],
  ): Hit | undefined {
    const e = ie.entity;
    const q = normFor(query.kind ? modeOf(query.kind) : ie.mode);
    let best: { score: number; raw: number; name: EntityName; text: string } | undefined;
    for (const n of nameIdx ? nameIdx.map((i) => ie.names[i]!) : ie.names) {
      const cmp = compareNames(q, n.norm);
      const factor = STRENGTH_FACTOR[n.name.strength] ?? 1;
      const s = cmp.score * factor;
      if (!best || s > best.score) {
        best = {
          score: s,
          raw: cmp.score,
          name: n.name,
          text: `name "${query.name}" ~ ${n.name.strength}${n.name.previous ? ' (previous)' : ''} name "${n.name.value}" ${cmp.score.toFixed(3)}: ${explainComparison(cmp)}${factor < 1 ? `; weak alias x${factor}` : ''}`,
        };
      }
    }
    if (!best) return undefined;
    const explanation = [best.text];
    let score = best.score;
    // exact identifier: decisive
    for (const qi of query.identifiers ?? []) {
      const qn = normalizeIdentifier(qi.value).replace(/^(IMO|MMSI)(?=\d)/, '');
      if (qn.length < 4) continue;
      const m = e.identifiers.find(
        (id) =>
          id.normalized === qn &&
          (!qi.type || qi.type === id.type || qi.type === 'other' || id.type === 'other'),
      );
      if (m) {
        explanation.push(`identifier ${m.type} ${m.value} equal: decisive`);
        return {
          entityId: e.id,
          entity: e,
          score: 1,
          band: 'match',
          nameScore: best.raw,
          matchedName: best.name,
          explanation,
        };
      }
    }
    if (query.kind && (query.kind === 'person') !== (e.kind === 'person')) {
      score *= 0.85;
      explanation.push(`kind differs (${query.kind} / ${e.kind}) x0.85`);
    }
    if (query.birthDate && e.birthDates.length > 0) {
      const qd = parseBirthDate(query.birthDate);
      const qs = qd && birthYearSpan(qd);
      if (qd && qs) {
        let exact = false;
        let sameYear = false;
        let gap = Number.POSITIVE_INFINITY;
        for (const b of e.birthDates) {
          const s = birthYearSpan(b);
          if (!s) continue;
          if (qd.date && b.date && qd.date.length === 10 && b.date.length === 10 && qd.date === b.date)
            exact = true;
          const g = Math.max(0, s[0] - qs[1], qs[0] - s[1]);
          if (g === 0) sameYear = true;
          gap = Math.min(gap, g);
        }
        const listed = e.birthDates.map((b) => b.text).join(' | ');
        if (exact) explanation.push(`birth date equal (${listed})`);
        else if (sameYear) {
          const exactBoth = qd.kind === 'exact' && e.birthDates.every((b) => b.kind === 'exact');
          if (exactBoth) {
            score *= 0.95;
            explanation.push(`birth date: same year, different day (${query.birthDate} / ${listed}) x0.95`);
          } else explanation.push(`birth year compatible (${query.birthDate} / ${listed})`);
        } else if (Number.isFinite(gap)) {
          const f = gap <= 1 ? 0.9 : gap <= 5 ? 0.8 : 0.7;
          score *= f;
          explanation.push(`birth date differs by ${gap} year(s) (${query.birthDate} / ${listed}) x${f}`);
        }
      }
    }
    if (query.country) {
      const qc = countryCode(query.country);
      if (qc && e.countryCodes.length > 0) {
        if (e.countryCodes.includes(qc)) explanation.push(`country ${qc} listed`);
        else {
          score *= 0.9;
          explanation.push(`country ${qc} not among listed ${e.countryCodes.join(',')} x0.9`);
        }
      }
    }
    return {
      entityId: e.id,
      entity: e,
      score: Math.round(score * 1000) / 1000,
      band: 'review',
      nameScore: best.raw,
      matchedName: best.name,
      explanation,
    };
  }
}

/** Score of two bare names (compare-pairs); `kind` chooses person or organisation rules. */
export function scoreNamePair(name1: string, name2: string, kind?: EntityKind): number {
  const mode = modeOf(kind);
  let best = 0;
  for (const a of splitAliases(name1))
    for (const b of splitAliases(name2))
      best = Math.max(best, compareNames(normalizeName(a, mode), normalizeName(b, mode)).score);
  return best;
}
