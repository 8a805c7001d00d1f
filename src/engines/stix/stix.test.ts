import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  factorIndicatorId,
  factorToStix,
  feedbackToStix,
  languageContent,
  makeBundle,
  type RecordMeta,
  RedNotExportedError,
  recommendationToStix,
  riskInformationToStix,
  TLP_LEVELS,
  tlpMarkingObject,
  uuidV5,
} from './index.ts';
import { bundleErrors, objectErrors, STIX_SCHEMAS } from './stix-schemas.test-helper.ts';

const META: RecordMeta = {
  id: '0b8a3c52-6f3e-4c1c-9d35-0d8e0b6f6a11',
  version: 1,
  createdAt: '2030-01-02T10:00:00.000Z',
  modifiedAt: '2030-01-02T10:00:00.000Z',
  publishedAt: '2030-01-02T10:05:00.000Z',
  tlp: 'amber',
  language: 'en',
  retracted: false,
  owner: { id: '5f1d7c44-1f0a-4b7e-8b0c-3e6d2a9b7c01', name: 'Netherlands Customs' },
};

const RISK_INFO = {
  title: 'Cigarettes in reefer insulation',
  family: 'financial',
  modus_operandi: 'Cigarettes declared as frozen vegetables.',
  concealment: 'Front wall insulation.',
  goods: [
    { cn_code: '07108095', description: 'Frozen vegetables' },
    { cn_code: '24022090', description: 'Cigarettes' },
  ],
  route: {
    countries: ['VN', 'NL', 'DE'],
    places: ['Rotterdam'],
    transport_mode: 'sea',
    container: 'MSCU1234565',
    vessel_imo: '9321483',
  },
  parties: [
    { name: 'Example Trading BV', party_type: 'organisation' as const, identifiers: { eori: 'NL812345678' } },
    { name: 'A Person', party_type: 'person' as const },
  ],
  indicators: 'Low value per kg; new consignee.',
  recommended_action: 'Scan the container.',
  valid_from: '2030-01-01',
  valid_to: '2030-06-30',
  urgency: 'high',
  crms_reference: 'CRMS-2030-1',
};

// Fixture objects in part A's field names (risk_factor, profile_recommendation: issue 17's shared names).
const FACTOR = {
  title: 'E-bikes far below the HS6 median value per kg',
  family: 'financial',
  risk_area: 'undervaluation',
  indicators: [
    { role: 'hs_prefix', operator: '=', value: '871160' },
    { role: 'value_per_kg_vs_hs6_median', operator: '<', value: 0.4 },
    { role: 'origin', operator: 'in', value: ['CN', 'TR'] },
  ],
  rationale: 'Seizures in three administrations.',
  sources: ['OLAF report 2029', { title: 'Network analysis', url: 'https://example.org/analysis' }],
  valid_from: '2030-01-01',
  valid_to: '2030-12-31',
};
const RECOMMENDATION = {
  title: 'Profile: undervalued e-bikes',
  family: 'financial',
  factors: ['7e57f2a0-0000-4000-8000-000000000001'],
  rules: [{ id: 'e-bikes', conditions: [{ role: 'hs', op: 'prefix', value: '871160' }], weight: 2 }],
  selection_budget: 2,
  valid_from: '2030-01-01',
  valid_to: '2030-06-30',
  review_date: '2030-04-01',
  backtest: { selection_rate: 0.02, hit_rate: 0.31, revenue: 125000, baseline_hit_rate: 0.12, rows: 50000 },
};

describe('STIX 2.1 mapping', () => {
  it('makes UUIDv5 ids as RFC 9562 does (the DNS namespace example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('carries the TLP 2.0 marking definitions exactly as OASIS published them', () => {
    const shipped = JSON.parse(
      readFileSync(new URL('tlp-2.0/tlp-2.0-marking-definitions.json', STIX_SCHEMAS), 'utf8'),
    ) as unknown[];
    expect(TLP_LEVELS.map(tlpMarkingObject)).toEqual(shipped);
    for (const m of shipped) expect(objectErrors(m as { type: string })).toEqual([]);
  });

  it('maps a risk information to a valid report, indicator, locations and identities', () => {
    const objects = riskInformationToStix(META, RISK_INFO);
    const types = objects.map((o) => o.type).sort();
    expect(types).toEqual([
      'identity',
      'identity',
      'identity',
      'indicator',
      'location',
      'location',
      'location',
      'report',
    ]);
    for (const o of objects) expect(objectErrors(o), o.id).toEqual([]);
    const report = objects.find((o) => o.type === 'report')!;
    expect(report.object_refs).toHaveLength(6);
    expect(report.external_references).toEqual([{ source_name: 'crms', external_id: 'CRMS-2030-1' }]);
    expect(report.lang).toBe('en');
    const indicator = objects.find((o) => o.type === 'indicator')!;
    expect(indicator.pattern).toBe(
      "([hs_prefix = '07108095'] OR [hs_prefix = '24022090']) AND [route CONTAINS 'VN'] AND [route CONTAINS 'NL'] AND [route CONTAINS 'DE'] AND [transport_mode = 'sea'] AND [container = 'MSCU1234565'] AND [vessel_imo = '9321483']",
    );
    expect(indicator.valid_until).toBe('2030-07-01T00:00:00.000Z');
    expect(JSON.stringify(objects)).not.toMatch(/"x_/);
  });

  it('gives a correction the same ids and a later modified; a retraction revokes', () => {
    const v1 = riskInformationToStix(META, RISK_INFO);
    const v2 = riskInformationToStix(
      { ...META, version: 2, modifiedAt: '2030-02-01T00:00:00.000Z' },
      { ...RISK_INFO, urgency: 'immediate' },
    );
    const report1 = v1.find((o) => o.type === 'report')!;
    const report2 = v2.find((o) => o.type === 'report')!;
    expect(report2.id).toBe(report1.id);
    expect(report2.modified).toBe('2030-02-01T00:00:00.000Z');
    const gone = riskInformationToStix({ ...META, retracted: true }, RISK_INFO);
    expect(gone.filter((o) => o.type !== 'identity' || o.revoked).every((o) => o.revoked === true)).toBe(
      true,
    );
  });

  it('maps feedback to an opinion and, when the control found something, a sighting', () => {
    const fb = feedbackToStix(
      META,
      {
        organisation: { id: '9c1e4a55-2b7d-4c8e-a0f1-1b2c3d4e5f60', name: 'German Customs' },
        at: '2030-01-10T12:00:00.000Z',
        controlPerformed: true,
        result: 'seizure',
        usefulness: 'very_useful',
        comment: 'Found.',
      },
      true,
    );
    expect(fb.map((o) => o.type)).toEqual(['identity', 'opinion', 'sighting']);
    for (const o of fb) expect(objectErrors(o), o.id).toEqual([]);
    expect(fb[1]!.opinion).toBe('strongly-agree');
  });

  it('maps a risk factor to an indicator and a recommendation to a course of action, a note and relationships', () => {
    const factor = factorToStix(META, FACTOR);
    const indicator = factor.find((o) => o.type === 'indicator')!;
    expect(indicator.pattern).toBe(
      "[hs_prefix = '871160'] AND [value_per_kg_vs_hs6_median < '0.4'] AND [origin in ('CN', 'TR')]",
    );
    const rec = recommendationToStix(META, RECOMMENDATION);
    expect(rec.map((o) => o.type)).toEqual(['identity', 'course-of-action', 'note', 'relationship']);
    expect(rec[3]!.target_ref).toBe(factorIndicatorId(RECOMMENDATION.factors[0]!));
    expect(String(rec[2]!.content)).toContain('Hit rate: 31.0 %');
    for (const o of [...factor, ...rec]) expect(objectErrors(o), o.id).toEqual([]);
  });

  it('makes language content for translations', () => {
    const report = riskInformationToStix(META, RISK_INFO).find((o) => o.type === 'report')!;
    const lc = languageContent(META, report as never, {
      fr: { name: 'Cigarettes dans l’isolation' },
      en: {},
    });
    expect(lc).not.toBeNull();
    expect(objectErrors(lc!)).toEqual([]);
    expect(languageContent(META, report as never, { en: { name: 'x' } })).toBeNull();
  });

  it('bundles with the markings and extension definitions referenced, valid as a whole; never TLP:RED', () => {
    const objects = [
      ...riskInformationToStix(META, RISK_INFO),
      ...factorToStix({ ...META, id: RECOMMENDATION.factors[0]!, tlp: 'green' }, FACTOR),
      ...recommendationToStix(META, RECOMMENDATION),
    ];
    const bundle = makeBundle(objects, 'bundle--6f7e7a1c-7c55-4b3a-9d8e-2a1b3c4d5e6f');
    expect(bundleErrors(bundle)).toEqual([]);
    const types = bundle.objects.map((o) => o.type);
    expect(types.filter((t) => t === 'marking-definition')).toHaveLength(2);
    expect(types).toContain('extension-definition');
    expect(new Set(bundle.objects.map((o) => o.id)).size).toBe(bundle.objects.length);
    expect(() => makeBundle(riskInformationToStix({ ...META, tlp: 'red' }, RISK_INFO))).toThrow(
      RedNotExportedError,
    );
  });
});
