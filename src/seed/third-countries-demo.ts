import { kindByName } from '../registry/kinds/index.ts';
import { createRecord } from '../registry/record-service.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { demoActor } from './demo-actor.ts';

/**
 * Demo data of cooperation with third countries (marked as demo: `is_demo`, "[Demo]" in every
 * title): partner administrations, projects of many Member States across the Western Balkans,
 * the Eastern Partnership, North Africa and Central Asia — some of them overlapping, as the finder
 * shows — and support needs, some answered by a project and some not. No IATI organisation
 * identifier is set: each NCP sets its administration's before an export.
 */

/** Partner administrations: [key, name, country]. */
const PARTNERS: [string, string, string][] = [
  ['RS', 'Customs Administration of Serbia', 'RS'],
  ['AL', 'General Directorate of Customs of Albania', 'AL'],
  ['MK', 'Customs Administration of North Macedonia', 'MK'],
  ['BA', 'Indirect Taxation Authority of Bosnia and Herzegovina', 'BA'],
  ['MD', 'Customs Service of the Republic of Moldova', 'MD'],
  ['UA', 'State Customs Service of Ukraine', 'UA'],
  ['GE', 'Revenue Service of Georgia', 'GE'],
  ['MA', 'Customs and Indirect Tax Administration of Morocco', 'MA'],
  ['TN', 'Tunisian Customs', 'TN'],
  ['KZ', 'State Revenue Committee of Kazakhstan', 'KZ'],
  ['UZ', 'Customs Committee of Uzbekistan', 'UZ'],
];

/** Projects: [owner, title, partner keys, themes, sector, seed status, start, end, budget EUR, recipients]. */
type Project = [
  string,
  string,
  string[],
  string[],
  string,
  string,
  string,
  string,
  number,
  [string, number][],
];
const PROJECTS: Project[] = [
  [
    'de',
    'Risk-based controls at the Serbian borders',
    ['RS'],
    ['risk', 'training'],
    '33120',
    'existing',
    '2024-03-01',
    '2026-12-31',
    1_800_000,
    [['RS', 100]],
  ],
  [
    'at',
    'Joint risk profiles with Serbia and North Macedonia',
    ['RS', 'MK'],
    ['risk'],
    '33120',
    'existing',
    '2025-01-01',
    '2027-06-30',
    950_000,
    [
      ['RS', 60],
      ['MK', 40],
    ],
  ],
  [
    'it',
    'Post-clearance audit in Albania',
    ['AL'],
    ['risk', 'resilience'],
    '15114',
    'existing',
    '2023-09-01',
    '2026-08-31',
    1_200_000,
    [['AL', 100]],
  ],
  [
    'si',
    'Customs laboratory network in the Western Balkans',
    ['BA', 'RS'],
    ['innovation'],
    '33120',
    'planned',
    '2026-06-01',
    '2028-12-31',
    2_500_000,
    [
      ['BA', 50],
      ['RS', 50],
    ],
  ],
  [
    'ro',
    'Integrated border management on the Moldovan border',
    ['MD'],
    ['risk', 'procurement'],
    '33120',
    'existing',
    '2024-01-01',
    '2026-12-31',
    3_100_000,
    [['MD', 100]],
  ],
  [
    'pl',
    'Container scanners for Ukrainian crossing points',
    ['UA'],
    ['procurement', 'innovation'],
    '33120',
    'existing',
    '2025-02-01',
    '2027-12-31',
    6_400_000,
    [['UA', 100]],
  ],
  [
    'lt',
    'Training academy support in Ukraine',
    ['UA'],
    ['training'],
    '33120',
    'existing',
    '2024-05-01',
    '2026-04-30',
    700_000,
    [['UA', 100]],
  ],
  [
    'ee',
    'Integrity programme of the Georgian revenue service',
    ['GE'],
    ['resilience'],
    '15113',
    'existing',
    '2024-09-01',
    '2026-09-01',
    450_000,
    [['GE', 100]],
  ],
  [
    'lv',
    'Risk management with Moldova and Georgia',
    ['MD', 'GE'],
    ['risk'],
    '33120',
    'planned',
    '2026-01-01',
    '2027-12-31',
    800_000,
    [
      ['MD', 50],
      ['GE', 50],
    ],
  ],
  [
    'fr',
    'Modernisation of Moroccan customs procedures',
    ['MA'],
    ['innovation', 'risk'],
    '33120',
    'existing',
    '2023-01-01',
    '2026-12-31',
    2_200_000,
    [['MA', 100]],
  ],
  [
    'es',
    'Risk analysis at Moroccan ports',
    ['MA'],
    ['risk'],
    '33120',
    'existing',
    '2024-06-01',
    '2027-05-31',
    1_100_000,
    [['MA', 100]],
  ],
  [
    'it',
    'Revenue mobilisation with Tunisian customs',
    ['TN'],
    ['risk', 'training'],
    '15114',
    'planned',
    '2026-03-01',
    '2028-02-28',
    1_300_000,
    [['TN', 100]],
  ],
  [
    'nl',
    'Trade facilitation along the Central Asian corridor',
    ['KZ', 'UZ'],
    ['third_countries', 'risk'],
    '33120',
    'existing',
    '2024-04-01',
    '2027-03-31',
    1_900_000,
    [
      ['KZ', 50],
      ['UZ', 50],
    ],
  ],
  [
    'fi',
    'Electronic customs declarations in Kazakhstan',
    ['KZ'],
    ['innovation'],
    '33120',
    'potential',
    '2027-01-01',
    '2028-12-31',
    1_000_000,
    [['KZ', 100]],
  ],
  [
    'de',
    'Anti-corruption in Uzbek customs',
    ['UZ'],
    ['resilience', 'training'],
    '15113',
    'planned',
    '2026-09-01',
    '2028-08-31',
    600_000,
    [['UZ', 100]],
  ],
];

/** Support needs: [raised by, title, themes, priority, status, answered by project index or -1]. */
const NEEDS: [string, string, string[], string, string, number][] = [
  ['RS', 'Targeting of high-risk consignments', ['risk'], 'high', 'being_addressed', 0],
  ['AL', 'Post-clearance audit methodology', ['risk'], 'medium', 'being_addressed', 2],
  ['UA', 'Non-intrusive inspection equipment', ['procurement', 'innovation'], 'high', 'being_addressed', 5],
  ['BA', 'Training of dog handlers', ['training'], 'medium', 'open', -1],
  ['TN', 'Laboratory for tariff classification', ['innovation'], 'high', 'open', -1],
  ['UZ', 'Advance cargo information for rail transport', ['risk', 'innovation'], 'high', 'open', -1],
  ['GE', 'Code of conduct for customs officers', ['resilience'], 'low', 'met', 7],
];

export async function seedThirdCountriesDemo(deps: Pick<AppDeps, 'db' | 'outbox'>) {
  const project = kindByName('cooperation_project')!;
  const external = kindByName('external_organisation')!;
  const need = kindByName('support_need')!;
  return deps.db.transaction().execute(async (trx) => {
    const author = await demoActor(trx, 'pl.expert');
    const partnerIds = new Map<string, string>();
    for (const [key, name, country] of PARTNERS) {
      const r = await createRecord(trx, author, external, {
        publish: true,
        isDemo: true,
        notify: false,
        data: { name: `[Demo] ${name}`, org_type: '10', country },
      });
      partnerIds.set(key, r.id);
    }
    const projectIds: string[] = [];
    for (const [owner, title, partners, themes, sector, status, start, end, budget, recipients] of PROJECTS) {
      const a = await demoActor(trx, `${owner}.expert`);
      const r = await createRecord(trx, a, project, {
        publish: true,
        isDemo: true,
        notify: false,
        data: {
          title: { en: `[Demo] ${title}` },
          description: { en: `${title}, with the partner administrations named below. Demo content.` },
          seed_status: status,
          participants: [
            { role: '1', organisation: a.orgId },
            ...partners.map((p) => ({ role: '4', external: partnerIds.get(p)! })),
          ],
          recipients: recipients.map(([country, percentage]) => ({ country, percentage })),
          sectors: [sector],
          themes,
          planned_start: start,
          planned_end: end,
          budget: { amount: budget, currency: 'EUR' },
        },
      });
      projectIds.push(r.id);
    }
    for (const [by, title, themes, priority, status, answered] of NEEDS) {
      await createRecord(trx, author, need, {
        publish: true,
        isDemo: true,
        notify: false,
        data: {
          title: `[Demo] ${title}`,
          country: PARTNERS.find((p) => p[0] === by)![2],
          themes,
          description: `${title}, raised by the partner administration. Demo content.`,
          priority,
          raised_by: partnerIds.get(by)!,
          need_status: status,
          ...(answered >= 0 ? { projects: [projectIds[answered]!] } : {}),
        },
      });
    }
    return { partners: PARTNERS.length, projects: PROJECTS.length, needs: NEEDS.length };
  });
}
