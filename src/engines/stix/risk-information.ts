import { administrationIdentity, customsExtension, partId, pattern, recordCommon } from './common.ts';
import { stixDate, stixTime } from './ids.ts';
import type { FactorIndicator, RecordMeta, RiskInformationFields, StixObject } from './types.ts';

/** The STIX id of a risk information's report / indicator (feedback refers to them). */
export const riskInformationReportId = (recordId: string) => partId('report', recordId, 'report');
export const riskInformationIndicatorId = (recordId: string) => partId('indicator', recordId, 'indicator');

/** The `eucab-risk` pattern of a risk information: its goods (alternatives), route countries, transport, container, vessel. */
export function riskInformationPattern(f: RiskInformationFields): string {
  const goods: FactorIndicator[] = (f.goods ?? []).map((g) => ({
    role: 'hs_prefix',
    operator: '=',
    value: g.cn_code,
  }));
  const route = f.route ?? {};
  const single = (role: string, value: string | undefined): FactorIndicator[] =>
    value ? [{ role, operator: '=', value }] : [];
  return pattern([
    goods,
    ...(route.countries ?? []).map((c) => [{ role: 'route', operator: 'CONTAINS', value: c }]),
    single('transport_mode', route.transport_mode),
    single('container', route.container),
    single('vessel_imo', route.vessel_imo),
  ]);
}

/**
 * A risk information as STIX 2.1 (mapping: src/modules/stix/README.md): the owner's identity, a
 * `report` with the customs extension, an `indicator` (when goods or a route give a pattern), a
 * `location` per route country and an `identity` per party. Not for TLP:RED (the bundle refuses it).
 */
export function riskInformationToStix(meta: RecordMeta, f: RiskInformationFields): StixObject[] {
  const common = recordCommon(meta);
  const owner = administrationIdentity(meta.owner);
  const route = f.route ?? {};
  const ext = customsExtension({
    family: f.family,
    urgency: f.urgency,
    goods: f.goods?.map((g) => ({
      cn_code: g.cn_code,
      ...(g.description ? { description: g.description } : {}),
    })),
    route: Object.keys(route).length ? route : undefined,
    recommended_action: f.recommended_action,
    valid_from: f.valid_from,
    valid_to: f.valid_to,
    platform_kind: 'risk_information',
    platform_id: meta.id,
    platform_version: meta.version,
  });
  const objects: StixObject[] = [owner];
  const refs: string[] = [];
  const p = riskInformationPattern(f);
  if (p) {
    const indicator: StixObject = {
      type: 'indicator',
      id: riskInformationIndicatorId(meta.id),
      ...common,
      name: f.title,
      ...(f.indicators ? { description: f.indicators } : {}),
      indicator_types: ['anomalous-activity'],
      pattern: p,
      pattern_type: 'eucab-risk',
      valid_from: stixDate(f.valid_from),
      ...(f.valid_to ? { valid_until: stixDate(addDay(f.valid_to)) } : {}),
      labels: [`family:${f.family}`],
      extensions: customsExtension({ goods: f.goods, route: Object.keys(route).length ? route : undefined }),
    };
    objects.push(indicator);
    refs.push(indicator.id);
  }
  for (const cc of route.countries ?? []) {
    const loc: StixObject = {
      type: 'location',
      id: partId('location', meta.id, `location/${cc}`),
      ...common,
      country: cc,
    };
    delete loc.lang;
    objects.push(loc);
    refs.push(loc.id);
  }
  (f.parties ?? []).forEach((party, i) => {
    const ids = party.identifiers ?? {};
    const references = [
      ...(ids.eori ? [{ source_name: 'eori', external_id: ids.eori }] : []),
      ...(ids.other ? [{ source_name: 'other', external_id: ids.other }] : []),
    ];
    const identity: StixObject = {
      type: 'identity',
      id: partId('identity', meta.id, `party/${i}`),
      ...common,
      name: party.name,
      identity_class: party.party_type === 'person' ? 'individual' : 'organization',
      ...(references.length ? { external_references: references } : {}),
    };
    objects.push(identity);
    refs.push(identity.id);
  });
  if (refs.length === 0) refs.push(owner.id);
  objects.push({
    type: 'report',
    id: riskInformationReportId(meta.id),
    ...common,
    name: f.title,
    description: [f.modus_operandi, f.concealment].filter(Boolean).join('\n\n'),
    report_types: ['threat-report'],
    published: stixTime(meta.publishedAt ?? meta.modifiedAt),
    object_refs: refs,
    labels: [`family:${f.family}`, `urgency:${f.urgency}`],
    ...(f.crms_reference
      ? { external_references: [{ source_name: 'crms', external_id: f.crms_reference }] }
      : {}),
    extensions: ext,
  });
  return objects;
}

/** The day after a date (validity ends at the end of `valid_to`; `valid_until` is exclusive). */
function addDay(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
