import { administrationIdentity, customsExtension, partId, recordCommon } from './common.ts';
import { factorIndicatorId } from './factor.ts';
import type { ProfileRecommendationFields, RecordMeta, StixObject } from './types.ts';

const pct = (v: number | undefined) => (v === undefined ? '–' : `${(v * 100).toFixed(1)} %`);

/**
 * A profile recommendation as STIX: a `course-of-action` (rules, selection budget, validity and
 * review date in the customs extension), a `note` with the backtest figures, and a `mitigates`
 * relationship to each factor's indicator.
 */
export function recommendationToStix(meta: RecordMeta, f: ProfileRecommendationFields): StixObject[] {
  const common = recordCommon(meta);
  const coaId = partId('course-of-action', meta.id, 'course-of-action');
  const out: StixObject[] = [
    administrationIdentity(meta.owner),
    {
      type: 'course-of-action',
      id: coaId,
      ...common,
      name: f.title,
      description: `Risk profile of ${f.rules?.length ?? 0} rule(s), selection budget ${f.selection_budget ?? '–'} %.`,
      labels: [`family:${f.family}`],
      extensions: customsExtension({
        family: f.family,
        rules: f.rules,
        selection_budget: f.selection_budget,
        valid_from: f.valid_from,
        valid_to: f.valid_to,
        review_date: f.review_date,
        platform_kind: 'profile_recommendation',
        platform_id: meta.id,
        platform_version: meta.version,
      }),
    },
  ];
  const b = f.backtest;
  if (b)
    out.push({
      type: 'note',
      id: partId('note', meta.id, 'backtest'),
      ...common,
      abstract: 'Backtest on the proposer’s own history',
      content: [
        `Selection rate: ${pct(b.selection_rate)}`,
        `Hit rate: ${pct(b.hit_rate)}`,
        ...(b.revenue !== undefined ? [`Revenue found: ${b.revenue}`] : []),
        ...Object.entries(b)
          .filter(([k, v]) => k.startsWith('baseline_') && typeof v === 'number')
          .map(([k, v]) => `${k.replace('baseline_', 'Baseline ').replaceAll('_', ' ')}: ${v}`),
        ...(b.rows !== undefined ? [`Rows: ${b.rows}`] : []),
        ...(b.computed_at ? [`Computed at: ${b.computed_at}`] : []),
      ].join('\n'),
      object_refs: [coaId],
    });
  for (const factor of f.factors ?? []) {
    const { lang: _lang, ...rel } = common;
    out.push({
      type: 'relationship',
      id: partId('relationship', meta.id, `mitigates/${factor}`),
      ...rel,
      relationship_type: 'mitigates',
      source_ref: coaId,
      target_ref: factorIndicatorId(factor),
    });
  }
  return out;
}
