import type { Questionnaire } from '../engines/questionnaire/model.ts';
import { writeXlsForm } from '../engines/questionnaire/xlsform/index.ts';
import { assignInCampaign, createCampaign } from '../modules/mapping/operations/campaigns.ts';
import { importQuestionnaire } from '../modules/mapping/operations/questionnaires.ts';
import { saveAnswers, validateAnswers } from '../modules/mapping/operations/responses.ts';
import { kindByName } from '../registry/kinds/index.ts';
import { arushaFactor } from '../registry/kinds/integrity/integrity-initiative.codes.ts';
import {
  SELF_ASSESSMENT_CODE,
  SELF_ASSESSMENT_MATRIX,
  SELF_ASSESSMENT_MATURITY,
  selfAssessment2025,
  selfAssessment2026,
} from '../registry/kinds/integrity/self-assessment.questionnaire.ts';
import { createRecord } from '../registry/record-service.ts';
import type { AppDeps } from '../route-kit/deps.ts';
import { demoActor } from './demo-actor.ts';

const DAY = 86_400_000;
const day = (offset: number, now: Date) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
const FACTORS = arushaFactor.codes.map((c) => c.code);
const NETWORK = 'resilience-integrity';
/** Administrations that have not answered the 2026 self-assessment yet (the demo shows who is missing). */
export const DEMO_2026_MISSING = ['LU', 'MT'];

const actorOf = demoActor;

/** A stable number from a text (the demo's maturity levels are the same on every load). */
function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** An administration's maturity for a key factor: 1–4 in 2025, the same or one higher in 2026. */
export function demoMaturity(country: string, factor: string, year: 2025 | 2026): number {
  const base = 1 + (hash(`${country}:${factor}`) % 4);
  return year === 2025 ? base : Math.min(5, base + (hash(`${factor}:${country}:2026`) % 2));
}

function demoAnswers(country: string, year: 2025 | 2026): Record<string, unknown> {
  const rows = Object.fromEntries(
    FACTORS.map((f) => {
      const level = demoMaturity(country, f, year);
      return [
        f,
        {
          [SELF_ASSESSMENT_MATURITY]: level,
          evidence: `Demo content: ${level >= 3 ? 'internal audit report and published policy' : 'draft policy'} (${country}, ${year}).`,
          ...(level < 4
            ? { planned_actions: `Demo content: plan to reach level ${level + 1} by ${year + 2}.` }
            : {}),
        },
      ];
    }),
  );
  return {
    [SELF_ASSESSMENT_MATRIX]: rows,
    ...(year === 2026 ? { integrity_strategy: hash(country) % 3 !== 0 } : {}),
  };
}

const INITIATIVES: [string, string, string[], string, string, string][] = [
  [
    'at',
    'Rotation of officers at land border crossing points',
    ['hr_management'],
    'hr_strategy',
    'ongoing',
    '2023-01-01',
  ],
  [
    'be',
    'Merit-based selection for port control posts',
    ['hr_management', 'leadership_commitment'],
    'hr_strategy',
    'completed',
    '2022-03-01',
  ],
  [
    'bg',
    'Body-worn cameras at border crossing points',
    ['transparency', 'automation'],
    'technology',
    'ongoing',
    '2024-05-01',
  ],
  [
    'cy',
    'Integrity e-learning for all staff',
    ['code_of_conduct', 'morale_culture'],
    'training',
    'completed',
    '2023-09-01',
  ],
  [
    'cz',
    'Declaration of assets of customs officers',
    ['regulatory_framework', 'audit_investigation'],
    'accountability_tool',
    'ongoing',
    '2021-01-01',
  ],
  [
    'de',
    'Whistle-blower channel for staff and traders',
    ['audit_investigation', 'private_sector'],
    'anti_corruption',
    'ongoing',
    '2024-01-15',
  ],
  [
    'dk',
    'Automated risk-based selection of declarations',
    ['automation', 'reform_modernisation'],
    'technology',
    'completed',
    '2020-06-01',
  ],
  [
    'el',
    'Memorandum of understanding with trade associations',
    ['private_sector'],
    'anti_corruption',
    'ongoing',
    '2024-02-01',
  ],
  [
    'es',
    'Internal affairs unit with its own investigators',
    ['audit_investigation'],
    'accountability_tool',
    'completed',
    '2019-01-01',
  ],
  [
    'fi',
    'Staff survey on ethics and organisational culture',
    ['morale_culture', 'leadership_commitment'],
    'other',
    'ongoing',
    '2025-02-01',
  ],
  [
    'fr',
    'Revised code of ethics with a gifts register',
    ['code_of_conduct', 'transparency'],
    'code_of_conduct',
    'completed',
    '2023-06-01',
  ],
  [
    'hr',
    'Publication of service standards and waiting times',
    ['transparency', 'private_sector'],
    'accountability_tool',
    'ongoing',
    '2024-09-01',
  ],
  ['hu', 'Paperless clearance at road border offices', ['automation'], 'technology', 'ongoing', '2025-01-01'],
  [
    'ie',
    'Leadership integrity charter signed by senior management',
    ['leadership_commitment'],
    'code_of_conduct',
    'completed',
    '2022-11-01',
  ],
  [
    'it',
    'Random allocation of inspections to officers',
    ['automation', 'hr_management'],
    'anti_corruption',
    'ongoing',
    '2023-04-01',
  ],
  [
    'lt',
    'Polygraph-free vetting with references and interviews',
    ['hr_management'],
    'hr_strategy',
    'planned',
    '2026-09-01',
  ],
  [
    'nl',
    'Integrity risk analysis per customs office',
    ['audit_investigation', 'reform_modernisation'],
    'anti_corruption',
    'ongoing',
    '2024-04-01',
  ],
  [
    'pl',
    'Amendment of the customs service act on conflicts of interest',
    ['regulatory_framework'],
    'anti_corruption',
    'completed',
    '2022-07-01',
  ],
  [
    'pt',
    'Integrity network of contact persons in every office',
    ['leadership_commitment', 'morale_culture'],
    'other',
    'ongoing',
    '2023-10-01',
  ],
  [
    'ro',
    'Mobile anti-corruption teams at the eastern border',
    ['audit_investigation', 'hr_management'],
    'anti_corruption',
    'ongoing',
    '2024-06-01',
  ],
  ['se', 'Open data on seizures and controls', ['transparency'], 'technology', 'completed', '2021-05-01'],
  [
    'si',
    'Mentoring of new officers by experienced staff',
    ['morale_culture', 'hr_management'],
    'training',
    'ongoing',
    '2025-03-01',
  ],
];

const LESSONS: [string, string, string, string, string, string, string, string[]][] = [
  [
    'de',
    'Ransomware attack on the declaration system',
    'cyber_incident',
    '2025-06-12',
    'The declaration system was unavailable for 30 hours.',
    'The paper fallback procedure agreed with the traders’ associations.',
    'Guarantees could not be checked at the border offices.',
    ['automation'],
  ],
  [
    'bg',
    'Flood at a border crossing point',
    'natural_disaster',
    '2024-09-15',
    'The office was closed for four days; traffic was diverted to two other crossings.',
    'Staff of the closed office reinforced the other crossings within a day.',
    'Seized goods stored on the ground floor were damaged.',
    ['reform_modernisation'],
  ],
  [
    'dk',
    'Controls during the pandemic',
    'pandemic',
    '2020-04-01',
    'Physical inspections were reduced while medical supplies had to be cleared at once.',
    'Remote document checks and priority lanes for medical goods.',
    'Counterfeit masks passed where checks were waived.',
    ['automation', 'private_sector'],
  ],
  [
    'ro',
    'Refugee flows at the eastern border',
    'migration_pressure',
    '2022-03-01',
    'Traffic increased tenfold within a week.',
    'Temporary staff from inland offices; clear rotation schedules.',
    'Gifts offered to officers by travellers were not recorded consistently.',
    ['hr_management', 'code_of_conduct'],
  ],
  [
    'lt',
    'Enforcement of sanctions on dual-use goods',
    'sanctions_enforcement',
    '2023-05-01',
    'Circumvention through third countries rose sharply.',
    'Shared risk profiles with neighbouring administrations.',
    'Brokers pressed officers to release goods quickly.',
    ['regulatory_framework', 'private_sector'],
  ],
  [
    'es',
    'Record cocaine seizure in a container port',
    'major_seizure',
    '2024-11-20',
    'A seizure of eight tonnes revealed attempts to corrupt port staff.',
    'Rotation of scanner operators and four-eyes release of containers.',
    'Access badges of port staff were not revoked promptly.',
    ['audit_investigation', 'hr_management'],
  ],
  [
    'hu',
    'Armed conflict in a neighbouring country',
    'armed_conflict',
    '2022-02-24',
    'Transit traffic was rerouted and humanitarian goods had to be cleared fast.',
    'A single contact point for humanitarian consignments.',
    'Control records were incomplete during the first weeks.',
    ['transparency'],
  ],
];

const CODES: [string, string, string, string[], string, string, [string, string][]][] = [
  [
    'fr',
    'Charte de déontologie de la douane',
    'code_of_ethics',
    ['code_of_conduct', 'transparency'],
    'fr',
    '2023-06-01',
    [['en', 'Customs code of ethics']],
  ],
  [
    'de',
    'Verhaltenskodex der Zollverwaltung',
    'code_of_conduct',
    ['code_of_conduct', 'private_sector'],
    'de',
    '2022-01-01',
    [['en', 'Code of conduct of the customs administration']],
  ],
  [
    'nl',
    'Gedragscode Douane',
    'code_of_conduct',
    ['code_of_conduct', 'morale_culture'],
    'nl',
    '2021-09-01',
    [['en', 'Customs code of conduct']],
  ],
  [
    'ie',
    'Code of standards and behaviour',
    'code_of_conduct',
    ['code_of_conduct', 'leadership_commitment'],
    'en',
    '2020-03-01',
    [],
  ],
  [
    'pt',
    'Boas práticas de rotação de funcionários',
    'best_practice',
    ['hr_management'],
    'pt',
    '2024-02-01',
    [['en', 'Good practice in staff rotation']],
  ],
  [
    'es',
    'Guía sobre conflictos de intereses',
    'guidance',
    ['code_of_conduct', 'regulatory_framework'],
    'es',
    '2023-01-01',
    [],
  ],
];

/**
 * The integrity area's demo data (every row marked as demo): initiatives of 22 administrations on
 * the Arusha key factors, codes of conduct with their language versions, lessons learned with
 * follow-up actions (one overdue), and the self-assessment — versions 2025 and 2026 imported by the
 * integrity network's coordinator, two aggregate-only campaigns, answered and validated by the 27
 * administrations (2026: all but two so far). Dates relative to `now` where they matter.
 */
export async function seedIntegrityDemo(deps: Pick<AppDeps, 'db' | 'outbox'>, now = new Date()) {
  const { db } = deps;
  const initiative = kindByName('integrity_initiative')!;
  const lesson = kindByName('lesson_learned')!;
  const actionPoint = kindByName('action_point')!;
  const conduct = kindByName('code_of_conduct')!;
  const network = await db
    .selectFrom('networks')
    .select('id')
    .where('code', '=', NETWORK)
    .executeTakeFirstOrThrow();
  const inNetwork = {
    distribution: 'network' as const,
    distributionNetworkId: network.id,
    tlp: 'amber' as const,
  };

  const records = await db.transaction().execute(async (trx) => {
    const n = { initiatives: 0, lessons: 0, actions: 0, codes: 0 };
    for (const [c, title, factors, type, stage, start] of INITIATIVES) {
      await createRecord(trx, await actorOf(trx, `${c}.expert`), initiative, {
        publish: true,
        isDemo: true,
        notify: false,
        data: {
          title: `[Demo] ${title}`,
          summary: `${title}. Demo content.`,
          factors,
          type,
          stage,
          start_date: start,
          ...(stage === 'completed'
            ? { results: { en: 'Evaluated by the internal audit service. Demo content.' } }
            : {}),
          contact: `Integrity unit, ${c.toUpperCase()} customs`,
        },
      });
      n.initiatives++;
    }
    for (const [c, title, type, date, happened, worked, didNot, factors] of LESSONS) {
      const author = await actorOf(trx, `${c}.expert`);
      const l = await createRecord(trx, author, lesson, {
        publish: true,
        isDemo: true,
        notify: false,
        data: {
          title: `[Demo] ${title}`,
          event_type: type,
          event_date: date,
          what_happened: `${happened} Demo content.`,
          what_worked: worked,
          what_did_not: didNot,
          recommendation: `Prepare for the next event: ${worked.charAt(0).toLowerCase()}${worked.slice(1)}`,
          factors,
        },
      });
      n.lessons++;
      if (n.lessons <= 2) {
        // Two follow-up actions: one overdue, one due in a month (owners reminded by the task).
        const owner = await actorOf(trx, 'pt.expert');
        for (const [what, due] of [
          [`[Demo] Follow-up of “${title}”: update the contingency plan`, day(-5, now)],
          [`[Demo] Follow-up of “${title}”: share the lesson at the next network meeting`, day(30, now)],
        ] as const) {
          await createRecord(trx, author, actionPoint, {
            publish: true,
            isDemo: true,
            notify: false,
            marking: inNetwork,
            data: {
              lesson: l.id,
              what,
              responsible: n.actions % 2 ? owner.userId : author.userId,
              due_date: due,
              state: 'open',
            },
          });
          n.actions++;
        }
      }
    }
    for (const [c, title, type, factors, language, adopted, versions] of CODES) {
      const author = await actorOf(trx, `${c}.expert`);
      const data = {
        title: `[Demo] ${title}`,
        doc_type: type,
        factors,
        adopted,
        applies_to: 'All customs staff',
        summary:
          'Gifts and hospitality, conflicts of interest, declaration of assets, reporting of misconduct. Demo content.',
      };
      const original = await createRecord(trx, author, conduct, {
        publish: true,
        isDemo: true,
        notify: false,
        language,
        data,
      });
      n.codes++;
      for (const [lang, translated] of versions) {
        await createRecord(trx, author, conduct, {
          publish: true,
          isDemo: true,
          notify: false,
          language: lang,
          data: { ...data, title: `[Demo] ${translated}`, language_version_of: original.id },
        });
        n.codes++;
      }
    }
    return n;
  });

  // The self-assessment, through the mapping operations as the people would do it.
  const coordinator = await actorOf(db, 'pt.expert');
  const upload = async (q: Questionnaire) => {
    const res = await importQuestionnaire(deps, coordinator, {
      dryRun: false,
      withoutBlocked: false,
      networkId: network.id,
      upload: async () => ({
        filename: `${SELF_ASSESSMENT_CODE}.xlsx`,
        bytes: Buffer.from(await writeXlsForm(q)),
      }),
    });
    return (res.body as { versionId: string }).versionId;
  };
  const v2025 = await upload(selfAssessment2025);
  const v2026 = await upload(selfAssessment2026);
  const states = await db
    .selectFrom('organisations')
    .select(['id', 'code'])
    .where('type', '=', 'national_administration')
    .orderBy('code')
    .execute();
  const campaign = async (versionId: string, year: 2025 | 2026, closesAt: Date, missing: string[]) => {
    const c = await createCampaign(deps, coordinator, {
      questionnaireVersionId: versionId,
      title: `[Demo] Integrity self-assessment ${year}`,
      opensAt: new Date(now.getTime() - 14 * DAY).toISOString(),
      closesAt: closesAt.toISOString(),
      respondentUnit: 'administration',
      sharing: 'aggregate_only',
      target: { kind: 'all' },
      reminderDays: [7, 2],
    });
    let validated = 0;
    for (const s of states) {
      if (missing.includes(s.code)) continue;
      const cc = s.code.toLowerCase();
      const ncp = await actorOf(db, `${cc}.ncp`);
      const expert = await actorOf(db, `${cc}.expert`);
      await assignInCampaign(deps, ncp, c.id, { userId: expert.userId, role: 'respondent' });
      const response = await db
        .selectFrom('mapping_responses')
        .select('id')
        .where('campaign_id', '=', c.id)
        .where('organisation_id', '=', s.id)
        .executeTakeFirstOrThrow();
      await saveAnswers(deps, expert, response.id, { version: 0, answers: demoAnswers(s.code, year) });
      await validateAnswers(deps, ncp, response.id, { version: 1 });
      validated++;
    }
    await db.updateTable('mapping_campaigns').set({ is_demo: true }).where('id', '=', c.id).execute();
    return { id: c.id, validated };
  };
  const c2025 = await campaign(v2025, 2025, new Date(now.getTime() + DAY), []);
  // The 2025 campaign ran in spring 2025: its dates and validations are moved there (demo history).
  const closed = new Date('2025-04-30T16:00:00Z');
  await db
    .updateTable('mapping_campaigns')
    .set({ opens_at: new Date('2025-03-01T08:00:00Z'), closes_at: closed })
    .where('id', '=', c2025.id)
    .execute();
  await db
    .updateTable('mapping_responses')
    .set({
      validated_at: new Date(closed.getTime() - 7 * DAY),
      last_edited_at: new Date(closed.getTime() - 8 * DAY),
    })
    .where('campaign_id', '=', c2025.id)
    .execute();
  const c2026 = await campaign(v2026, 2026, new Date(now.getTime() + 30 * DAY), DEMO_2026_MISSING);
  await db
    .updateTable('mapping_questionnaires')
    .set({ is_demo: true })
    .where('code', '=', SELF_ASSESSMENT_CODE)
    .execute();
  return { ...records, campaigns: [c2025, c2026] };
}
