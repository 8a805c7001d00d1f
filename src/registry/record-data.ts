import { canonicalJson } from '../audit/canonical-json.ts';
import type { KindDefinition } from './definition.ts';

/** Text of the searchable fields (multilingual values joined). */
export function searchableText(kind: KindDefinition, data: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const f of kind.searchable) {
    const v = data[f];
    if (typeof v === 'string') parts.push(v);
    else if (v && typeof v === 'object' && !Array.isArray(v))
      parts.push(...Object.values(v as Record<string, string>));
    else if (Array.isArray(v)) parts.push(...v.filter((x) => typeof x === 'string'));
  }
  return parts.join(' \n');
}

export function recordTitle(kind: KindDefinition, data: Record<string, unknown>): string {
  const v = data[kind.titleField];
  if (typeof v === 'string') return v.slice(0, 300);
  if (v && typeof v === 'object') return String(Object.values(v)[0] ?? '').slice(0, 300);
  return '(untitled)';
}

/** The natural key within the owning organisation (a re-import with the same key updates). */
export function importKeyOf(kind: KindDefinition, data: Record<string, unknown>): string | null {
  // A kind without an import key (announcements): every record and import row is a new record.
  if (kind.importKey.length === 0) return null;
  const parts = kind.importKey.map((f) => data[f]);
  if (parts.some((p) => p === null || p === undefined || p === '')) return null;
  return parts.map((p) => String(p).trim().toLowerCase()).join('\u001f');
}

/** Per-field before/after of what changed between two versions. */
export function dataDiff(before: Record<string, unknown> | null, after: Record<string, unknown>) {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const k of keys) {
    const b = before?.[k] ?? null;
    const a = after[k] ?? null;
    if (canonicalJson(b) !== canonicalJson(a)) out[k] = { before: b, after: a };
  }
  return out;
}
