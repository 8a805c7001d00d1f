import { loadActor } from '../auth/actor-loader.ts';
import type { Database } from '../db/connection.ts';
import { KINDS } from '../registry/kinds/index.ts';
import { createRecord, transitionRecord } from '../registry/record-service.ts';
import { DEMO_DOMAIN } from './demo-data.ts';

const kind = (name: string) => KINDS.find((k) => k.name === name)!;

/** Demo records of the procurement area (labelled "[Demo]"; makers and figures are invented). */
const MODELS = [
  {
    manufacturer: '[Demo] Scanwell',
    model: 'CX-6 relocatable',
    category: 'nii',
    technology: 'xray_high',
    deployment: 'relocatable',
    specifications: [
      { metric: 'penetration_steel', value: 310, unit: 'mm' },
      { metric: 'throughput', value: 25, unit: 'per_h' },
    ],
  },
  {
    manufacturer: '[Demo] Scanwell',
    model: 'CX-2 mobile',
    category: 'nii',
    technology: 'xray_high',
    deployment: 'mobile',
    specifications: [
      { metric: 'penetration_steel', value: 270, unit: 'mm' },
      { metric: 'throughput', value: 20, unit: 'per_h' },
    ],
  },
  {
    manufacturer: '[Demo] Radiant',
    model: 'Portal RP-4',
    category: 'radiation',
    technology: 'rpm',
    deployment: 'fixed',
    specifications: [{ metric: 'false_alarm_rate', value: 0.1, unit: 'pct' }],
  },
  {
    manufacturer: '[Demo] Radiant',
    model: 'ID-hand 3',
    category: 'radiation',
    technology: 'riid',
    deployment: 'portable',
    specifications: [{ metric: 'weight', value: 1.2, unit: 'kg' }],
  },
  {
    manufacturer: '[Demo] SkyEye',
    model: 'Falcon UAV',
    category: 'surveillance',
    technology: 'drone_aerial',
    deployment: 'mobile',
    specifications: [
      { metric: 'flight_time', value: 45, unit: 'min' },
      { metric: 'range', value: 8, unit: 'km' },
    ],
  },
  {
    manufacturer: '[Demo] DeepSea',
    model: 'Hull inspector ROV',
    category: 'surveillance',
    technology: 'drone_underwater',
    deployment: 'portable',
    specifications: [{ metric: 'depth_rating', value: 150, unit: 'm' }],
  },
  {
    manufacturer: '[Demo] TraceLab',
    model: 'TD-9 trace detector',
    category: 'handheld_search',
    technology: 'trace',
    deployment: 'portable',
    specifications: [{ metric: 'detection_rate', value: 96, unit: 'pct' }],
  },
  {
    manufacturer: '[Demo] Vigil',
    model: 'ANPR lane camera',
    category: 'surveillance',
    technology: 'anpr',
    deployment: 'fixed',
    specifications: [{ metric: 'detection_rate', value: 98, unit: 'pct' }],
  },
];

const ITEMS: { country: string; model: number; quantity: number; year: number; borders: string[] }[] = [
  { country: 'NL', model: 0, quantity: 6, year: 2019, borders: ['sea'] },
  { country: 'BE', model: 0, quantity: 4, year: 2020, borders: ['sea'] },
  { country: 'DE', model: 1, quantity: 5, year: 2021, borders: ['sea', 'land'] },
  { country: 'PL', model: 1, quantity: 8, year: 2018, borders: ['land'] },
  { country: 'FI', model: 2, quantity: 12, year: 2017, borders: ['land', 'rail'] },
  { country: 'EE', model: 2, quantity: 6, year: 2022, borders: ['land'] },
  { country: 'LT', model: 3, quantity: 30, year: 2021, borders: ['land', 'rail'] },
  { country: 'EL', model: 4, quantity: 3, year: 2023, borders: ['sea'] },
  { country: 'IT', model: 5, quantity: 2, year: 2022, borders: ['sea'] },
  { country: 'ES', model: 6, quantity: 40, year: 2020, borders: ['air', 'postal'] },
  { country: 'FR', model: 6, quantity: 55, year: 2019, borders: ['air', 'sea'] },
  { country: 'RO', model: 7, quantity: 14, year: 2021, borders: ['land'] },
];

export async function seedProcurementDemo(db: Database): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const actor = async (email: string) => {
      const u = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      return (await loadActor(trx, u.id, null)) as NonNullable<Awaited<ReturnType<typeof loadActor>>> & {
        userId: string;
        orgId: string;
      };
    };
    let n = 0;
    const de = await actor(`de.expert@${DEMO_DOMAIN}`);
    const modelIds: string[] = [];
    for (const m of MODELS) {
      modelIds.push(
        (await createRecord(trx, de, kind('equipment_model'), { data: m, publish: true, isDemo: true })).id,
      );
      n++;
    }
    for (const [i, it] of ITEMS.entries()) {
      const a = await actor(`${it.country.toLowerCase()}.expert@${DEMO_DOMAIN}`);
      const m = MODELS[it.model]!;
      await createRecord(trx, a, kind('equipment_item'), {
        publish: true,
        isDemo: true,
        data: {
          inventory_ref: `${it.country}-DEMO-${String(i + 1).padStart(3, '0')}`,
          model: modelIds[it.model],
          category: m.category,
          quantity: it.quantity,
          year_acquired: it.year,
          country: it.country,
          border_types: it.borders,
          sites: [{ label: `[Demo] ${it.country} main site`, lat: 50, lon: 10 }],
          satisfaction: String(3 + (i % 3)),
          maintenance: i % 2 ? 'manufacturer' : 'third_party',
          safety_measures: 'Dosimeters for operators; exclusion zone marked during scans. Demo content.',
        },
      });
      n++;
    }
    await createRecord(trx, de, kind('tender'), {
      publish: true,
      isDemo: true,
      data: {
        reference: 'DE-DEMO-2027-01',
        title: '[Demo] Relocatable high-energy cargo scanners',
        description: 'Demo tender: two lots, joint procurement welcome.',
        cpv_codes: ['38582000-7'],
        category: 'nii',
        models: [modelIds[0]],
        estimated_value: { amount: 9_000_000, currency: 'EUR' },
        procedure_type: 'restricted',
        lots: 2,
        publication_date: '2027-01-15',
        submission_deadline: '2027-03-31',
        status: 'planned',
        contact: 'procurement@demo.eucab.eu',
      },
    });
    const pl = await actor(`pl.expert@${DEMO_DOMAIN}`);
    await createRecord(trx, pl, kind('tender'), {
      publish: true,
      isDemo: true,
      data: {
        reference: 'PL-DEMO-2026-17',
        title: '[Demo] Aerial drones for the eastern land border',
        cpv_codes: ['35613000-4'],
        category: 'surveillance',
        estimated_value: { amount: 1_200_000, currency: 'EUR' },
        procedure_type: 'open',
        status: 'open',
        submission_deadline: '2027-01-20',
      },
    });
    n += 2;
    const set = await createRecord(trx, de, kind('requirement_set'), {
      isDemo: true,
      data: {
        title: '[Demo] Cargo and vehicle scanners – minimum requirements',
        category: 'nii',
        version_label: '2027.1',
        requirements: [
          {
            req_id: 'P1',
            text: 'Steel penetration of at least 280 mm',
            kind: 'performance',
            metric: 'penetration_steel',
            comparison: 'min',
            threshold: 280,
            unit: 'mm',
            standard: 'IEC 62523',
          },
          {
            req_id: 'P2',
            text: 'Throughput of at least 20 vehicles per hour',
            kind: 'performance',
            metric: 'throughput',
            comparison: 'min',
            threshold: 20,
            unit: 'per_h',
          },
          {
            req_id: 'S1',
            text: 'Dose rate at the exclusion boundary at most 1 µSv/h',
            kind: 'officer_safety',
            metric: 'dose_rate_boundary',
            comparison: 'max',
            threshold: 1,
            unit: 'usv_h',
            standard: 'IEC 62523',
          },
          { req_id: 'D1', text: 'Images exportable in an open format with metadata', kind: 'data' },
        ],
      },
    });
    await transitionRecord(trx, de, kind('requirement_set'), set.id, 'submit');
    await transitionRecord(
      trx,
      await actor(`de.analyst@${DEMO_DOMAIN}`),
      kind('requirement_set'),
      set.id,
      'publish',
    );
    const nl = await actor(`nl.expert@${DEMO_DOMAIN}`);
    for (const [i, m] of [0, 1].entries()) {
      await createRecord(trx, nl, kind('field_test'), {
        publish: true,
        isDemo: true,
        data: {
          reference: `NL-DEMO-FT-${i + 1}`,
          title: `[Demo] Port trial of ${MODELS[m]!.model}`,
          model: modelIds[m],
          category: 'nii',
          site: '[Demo] container terminal',
          start_date: `2026-0${i + 4}-01`,
          end_date: `2026-0${i + 4}-14`,
          protocol: 'Two weeks of live operation with test objects behind steel plates. Demo content.',
          metrics: [
            { metric: 'penetration_steel', value: i ? 265 : 300, unit: 'mm' },
            { metric: 'throughput', value: i ? 18 : 24, unit: 'per_h' },
            { metric: 'dose_rate_boundary', value: i ? 0.8 : 0.6, unit: 'usv_h' },
          ],
          outcome: i ? 'passed_with_reservations' : 'passed',
          requirement_set: set.id,
        },
      });
    }
    return n + 3;
  });
}
