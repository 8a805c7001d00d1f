import { administrationIdentity, customsExtension, partId, pattern, recordCommon } from './common.ts';
import { stixDate } from './ids.ts';
import type { RecordMeta, RiskFactorFields, StixObject } from './types.ts';

/** The STIX id of a risk factor's indicator (recommendations refer to it). */
export const factorIndicatorId = (recordId: string) => partId('indicator', recordId, 'indicator');

/**
 * A common risk factor as STIX: an `indicator` whose `eucab-risk` pattern is its conditions over
 * the engine's data roles (all must hold), with its rationale, sources and validity.
 */
export function factorToStix(meta: RecordMeta, f: RiskFactorFields): StixObject[] {
  const references = (f.sources ?? []).flatMap((s): Record<string, string>[] => {
    if (typeof s === 'string') return s ? [{ source_name: 'source', description: s }] : [];
    if (s.url) return [{ source_name: 'source', url: s.url, ...(s.title ? { description: s.title } : {}) }];
    return s.title ? [{ source_name: 'source', description: s.title }] : [];
  });
  return [
    administrationIdentity(meta.owner),
    {
      type: 'indicator',
      id: factorIndicatorId(meta.id),
      ...recordCommon(meta),
      name: f.title,
      ...(f.rationale ? { description: f.rationale } : {}),
      indicator_types: ['anomalous-activity'],
      pattern: pattern(f.indicators.map((c) => [c])),
      pattern_type: 'eucab-risk',
      valid_from: stixDate(f.valid_from ?? new Date(meta.createdAt as string).toISOString().slice(0, 10)),
      ...(f.valid_to ? { valid_until: stixDate(f.valid_to) } : {}),
      labels: [`family:${f.family}`, ...(f.risk_area ? [`risk-area:${f.risk_area}`] : [])],
      ...(references.length ? { external_references: references } : {}),
      extensions: customsExtension({
        family: f.family,
        risk_area: f.risk_area,
        platform_kind: 'risk_factor',
        platform_id: meta.id,
        platform_version: meta.version,
      }),
    },
  ];
}
