import { CUSTOMS_RISK_EXTENSION_ID } from './extensions.ts';
import { stixId, stixTime } from './ids.ts';
import { tlpMarkingId } from './tlp.ts';
import type { Administration, FactorIndicator, RecordMeta, StixObject } from './types.ts';

/** The identity of an administration (the same id in every bundle). */
export function administrationIdentity(a: Administration): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: stixId('identity', `organisation/${a.id}`),
    created: '2026-12-01T00:00:00.000Z',
    modified: '2026-12-01T00:00:00.000Z',
    name: a.name,
    identity_class: 'organization',
    sectors: ['government-national'],
  };
}

/** The properties every object of a record carries: version times, author, marking, language, revocation. */
export function recordCommon(meta: RecordMeta, withLang = true): Record<string, unknown> {
  return {
    spec_version: '2.1',
    created: stixTime(meta.createdAt),
    modified: stixTime(meta.modifiedAt),
    created_by_ref: administrationIdentity(meta.owner).id,
    object_marking_refs: [tlpMarkingId(meta.tlp)],
    ...(withLang ? { lang: meta.language } : {}),
    ...(meta.retracted ? { revoked: true } : {}),
  };
}

/** The id of a record's part (`report`, `indicator`, `party/0` …): stable across versions. */
export function partId(type: string, recordId: string, part: string): string {
  return stixId(type, `${recordId}/${part}`);
}

/** The property extension *customs risk information* with the given properties (empty ones left out). */
export function customsExtension(props: Record<string, unknown>): Record<string, unknown> {
  const clean = Object.fromEntries(
    Object.entries(props).filter(
      ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
  return { [CUSTOMS_RISK_EXTENSION_ID]: { extension_type: 'property-extension', ...clean } };
}

const quote = (v: string | number) => `'${String(v).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** One condition in the `eucab-risk` pattern language: `[role operator 'value']`. */
export function condition(c: FactorIndicator): string {
  const value = Array.isArray(c.value)
    ? `(${c.value.map(quote).join(', ')})`
    : quote(c.value as string | number);
  return `[${c.role} ${c.operator} ${value}]`;
}

/** Conditions joined by AND (alternatives of one role grouped with OR). */
export function pattern(groups: readonly (readonly FactorIndicator[])[]): string {
  return groups
    .filter((g) => g.length > 0)
    .map((g) => (g.length === 1 ? condition(g[0]!) : `(${g.map(condition).join(' OR ')})`))
    .join(' AND ');
}
