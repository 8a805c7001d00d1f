/**
 * Loads the rigour name tables (MIT, copied in ./reference with their licence) into lookup
 * structures keyed by normalised token sequences.
 */
import { readFileSync } from 'node:fs';
import anyAscii from 'any-ascii';
import { parse } from 'yaml';

export interface OrgType {
  /** Compared form: generic class (JSC, LLC, ...) when given, else the compare/display form. */
  canonical: string;
  display: string;
}

export interface ReferenceTables {
  /** Person name prefixes (titles, honorifics) as token sequences. */
  personPrefixes: Set<string>;
  objPrefixes: Set<string>;
  orgPrefixes: Set<string>;
  maxPrefixLen: number;
  orgTypes: Map<string, OrgType>;
  /** First tokens of the org-type aliases: a quick test before the longest-match search. */
  orgTypeFirst: Set<string>;
  /**
   * Misspelt legal forms: multi-word aliases keyed with one word of 5+ letters replaced by `*`
   * ("joint * company"), to be confirmed with an edit-distance check on that word.
   */
  orgTypeMasked: Map<string, { alias: string[]; pos: number }>;
  maxOrgTypeLen: number;
  /** Single-token synonyms: token -> group ids (org symbols and domains). */
  orgSymbols: Map<string, string[]>;
  /** Person symbols and nicknames. */
  personSymbols: Map<string, string[]>;
  confusables: Set<string>;
}

/** Token form used everywhere: NFKC, transliterated to ASCII, lower case, alphanumerics only. */
export function tokenForms(text: string): string[] {
  const ascii = anyAscii(text.normalize('NFKC').replace(/['’‘`ʼ]/g, ''))
    .toLowerCase()
    .replace(/['`]/g, '');
  const out: string[] = [];
  for (const raw of ascii.split(/[\s,;:/()[\]{}"“”«»&+\-–—_|!?*#@<>=~^$%\\]+/)) {
    if (!raw) continue;
    if (raw.includes('.')) {
      const parts = raw.split('.').filter(Boolean);
      if (parts.length > 1 && parts.every((p) => p.length === 1)) out.push(parts.join(''));
      else out.push(...parts.map((p) => p.replace(/[^a-z0-9]/g, '')).filter(Boolean));
    } else {
      const t = raw.replace(/[^a-z0-9]/g, '');
      if (t) out.push(t);
    }
  }
  return out;
}

const refFile = (name: string) => readFileSync(new URL(`./reference/${name}`, import.meta.url), 'utf8');

let cached: ReferenceTables | undefined;

function addSymbols(target: Map<string, string[]>, groups: Record<string, unknown>, prefix: string): void {
  for (const [group, values] of Object.entries(groups ?? {})) {
    if (!Array.isArray(values)) continue;
    const id = `${prefix}:${group}`;
    for (const v of [group, ...values]) {
      const forms = tokenForms(String(v));
      if (forms.length !== 1) continue;
      const f = forms[0]!;
      const list = target.get(f) ?? [];
      if (!list.includes(id)) list.push(id);
      target.set(f, list);
    }
  }
}

export function referenceTables(): ReferenceTables {
  if (cached) return cached;
  const stop = parse(refFile('stopwords.yml')) as Record<string, string[]>;
  const personPrefixes = new Set<string>();
  let maxPrefixLen = 1;
  for (const p of stop.PERSON_NAME_PREFIXES ?? []) {
    const f = tokenForms(p);
    if (f.length === 0) continue;
    personPrefixes.add(f.join(' '));
    maxPrefixLen = Math.max(maxPrefixLen, f.length);
  }
  const objPrefixes = new Set<string>();
  for (const p of stop.OBJ_NAME_PREFIXES ?? []) objPrefixes.add(tokenForms(p).join(' '));
  const orgPrefixes = new Set<string>();
  for (const p of stop.ORG_NAME_PREFIXES ?? []) orgPrefixes.add(tokenForms(p).join(' '));

  const orgDoc = parse(refFile('org_types.yml')) as {
    types: Array<{ display?: string; compare?: string; generic?: string; aliases?: string[] }>;
  };
  const orgTypes = new Map<string, OrgType>();
  const orgTypeFirst = new Set<string>();
  const orgTypeMasked = new Map<string, { alias: string[]; pos: number }>();
  let maxOrgTypeLen = 1;
  for (const t of orgDoc.types) {
    const display = t.display ?? t.compare ?? t.generic ?? '';
    const canonical = tokenForms(t.generic || t.compare || display).join('') || tokenForms(display).join('');
    if (!canonical) continue;
    for (const a of [
      ...(t.aliases ?? []),
      ...(t.display ? [t.display] : []),
      ...(t.compare ? [t.compare] : []),
    ]) {
      const f = tokenForms(a);
      if (f.length === 0 || f.length > 8) continue;
      const k = f.join(' ');
      if (!orgTypes.has(k)) orgTypes.set(k, { canonical, display });
      orgTypeFirst.add(f[0]!);
      if (f.length >= 2)
        f.forEach((w, pos) => {
          if (w.length < 5) return;
          const masked = f.map((x, i) => (i === pos ? '*' : x)).join(' ');
          if (!orgTypeMasked.has(masked)) orgTypeMasked.set(masked, { alias: f, pos });
        });
      maxOrgTypeLen = Math.max(maxOrgTypeLen, f.length);
    }
  }

  const sym = parse(refFile('symbols.yml')) as Record<string, Record<string, unknown>>;
  const orgSymbols = new Map<string, string[]>();
  addSymbols(orgSymbols, sym.org_symbols ?? {}, 'org');
  addSymbols(orgSymbols, sym.org_domains ?? {}, 'dom');
  const personSymbols = new Map<string, string[]>();
  addSymbols(personSymbols, sym.person_symbols ?? {}, 'per');
  addSymbols(personSymbols, sym.person_nick ?? {}, 'nick');
  addSymbols(personSymbols, sym.person_name_parts ?? {}, 'part');

  const cmp = parse(refFile('compare.yml')) as { similar_pairs?: string[][] };
  const confusables = new Set<string>();
  for (const [a, b] of cmp.similar_pairs ?? []) {
    if (!a || !b) continue;
    confusables.add(a + b);
    confusables.add(b + a);
  }
  cached = {
    personPrefixes,
    objPrefixes,
    orgPrefixes,
    maxPrefixLen,
    orgTypes,
    orgTypeFirst,
    orgTypeMasked,
    maxOrgTypeLen,
    orgSymbols,
    personSymbols,
    confusables,
  };
  return cached;
}
