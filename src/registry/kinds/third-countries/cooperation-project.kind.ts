import { defineKind } from '../../definition.ts';
import {
  iatiActivityStatus,
  iatiCountry,
  iatiCurrency,
  iatiDocumentCategory,
  iatiOrganisationRole,
  iatiRegion,
  iatiSector,
} from './iati.codes.ts';
import { cooperationStatus, eucabTheme } from './third-countries.codes.ts';

/**
 * A project of cooperation with a third country, modelled on the IATI activity standard 2.03: its
 * identifier, title and description in several languages, the seed's status (existing, planned,
 * potential) beside the IATI activity status, participating organisations with their IATI roles
 * (administrations and the Commission on the platform, or external organisations), recipient
 * countries and regions with percentages adding up to 100, OECD-DAC sectors, the platform's
 * thematic areas, planned and actual dates, budget, documents, contacts and results. The IATI XML
 * export and import are src/modules/third-countries.
 */
const percentage = {
  type: 'number' as const,
  min: 0,
  max: 100,
  label: { en: 'Percentage', fr: 'Pourcentage', de: 'Prozentsatz' },
};

export const cooperationProject = defineKind({
  name: 'cooperation_project',
  label: { en: 'Cooperation project', fr: 'Projet de coopération', de: 'Kooperationsprojekt' },
  labelPlural: { en: 'Cooperation projects', fr: 'Projets de coopération', de: 'Kooperationsprojekte' },
  description: {
    en: 'Existing, planned and potential projects with third countries, described as IATI activities (standard 2.03): who takes part, where, in which sectors and themes, when and with what budget.',
    fr: 'Projets existants, prévus et potentiels avec des pays tiers, décrits comme des activités IATI (norme 2.03) : qui y participe, où, dans quels secteurs et thèmes, quand et avec quel budget.',
    de: 'Bestehende, geplante und mögliche Projekte mit Drittländern, beschrieben als IATI-Aktivitäten (Standard 2.03): wer beteiligt ist, wo, in welchen Sektoren und Themen, wann und mit welchem Budget.',
  },
  area: 'third_countries',
  network: 'third-countries',
  codeLists: [
    cooperationStatus,
    eucabTheme,
    iatiActivityStatus,
    iatiOrganisationRole,
    iatiCountry,
    iatiRegion,
    iatiSector,
    iatiCurrency,
    iatiDocumentCategory,
  ],
  fields: {
    iati_identifier: {
      type: 'text',
      maxLength: 200,
      pattern: '^[A-Za-z0-9][A-Za-z0-9._:/-]*-[A-Za-z0-9._:/-]+$',
      patternHint: {
        en: 'an IATI activity identifier: the reporting organisation’s identifier, a dash, the project’s own code (e.g. NL-KVK-27378529-CUS-01)',
        fr: 'un identifiant d’activité IATI : l’identifiant de l’organisation déclarante, un tiret, le code propre du projet (p. ex. NL-KVK-27378529-CUS-01)',
        de: 'eine IATI-Aktivitätskennung: die Kennung der meldenden Organisation, ein Bindestrich, der eigene Code des Projekts (z. B. NL-KVK-27378529-CUS-01)',
      },
      label: { en: 'IATI identifier', fr: 'Identifiant IATI', de: 'IATI-Kennung' },
      help: {
        en: 'Leave empty for a new project: the export builds one from your administration’s IATI organisation identifier.',
        fr: 'Laissez vide pour un nouveau projet : l’export en construit un à partir de l’identifiant d’organisation IATI de votre administration.',
        de: 'Bei einem neuen Projekt leer lassen: der Export bildet sie aus der IATI-Organisationskennung Ihrer Verwaltung.',
      },
    },
    title: {
      type: 'mltext',
      maxLength: 500,
      required: true,
      label: { en: 'Title', fr: 'Titre', de: 'Titel' },
    },
    description: {
      type: 'mltext',
      maxLength: 10_000,
      required: true,
      label: { en: 'Description', fr: 'Description', de: 'Beschreibung' },
    },
    // Not `status`: that name is the records' workflow status in list queries.
    seed_status: {
      type: 'code',
      codeList: 'cooperation_status',
      required: true,
      label: { en: 'Project status', fr: 'Statut du projet', de: 'Projektstatus' },
      help: {
        en: 'Existing, planned or potential. Exported to IATI as activity status 2 (existing) or 1 (planned, potential) when no IATI status is given.',
        fr: 'Existant, prévu ou potentiel. Exporté vers IATI comme statut d’activité 2 (existant) ou 1 (prévu, potentiel) si aucun statut IATI n’est indiqué.',
        de: 'Bestehend, geplant oder möglich. Nach IATI als Aktivitätsstatus 2 (bestehend) oder 1 (geplant, möglich) exportiert, wenn kein IATI-Status angegeben ist.',
      },
    },
    activity_status: {
      type: 'code',
      codeList: 'iati_activity_status',
      label: { en: 'IATI activity status', fr: 'Statut d’activité IATI', de: 'IATI-Aktivitätsstatus' },
    },
    participants: {
      type: 'list',
      maxItems: 50,
      label: {
        en: 'Participating organisations',
        fr: 'Organisations participantes',
        de: 'Beteiligte Organisationen',
      },
      of: {
        type: 'object',
        label: { en: 'Participant', fr: 'Participant', de: 'Beteiligte' },
        fields: {
          role: {
            type: 'code',
            codeList: 'iati_organisation_role',
            required: true,
            label: { en: 'Role', fr: 'Rôle', de: 'Rolle' },
          },
          organisation: {
            type: 'organisation',
            requiredUnless: 'external',
            label: {
              en: 'Administration or the Commission',
              fr: 'Administration ou la Commission',
              de: 'Verwaltung oder die Kommission',
            },
          },
          external: {
            type: 'ref',
            kind: 'external_organisation',
            requiredUnless: 'organisation',
            label: { en: 'External organisation', fr: 'Organisation externe', de: 'Externe Organisation' },
          },
        },
      },
    },
    recipients: {
      type: 'list',
      maxItems: 60,
      sumTo: { field: 'percentage', total: 100 },
      label: {
        en: 'Recipient countries and regions',
        fr: 'Pays et régions bénéficiaires',
        de: 'Empfängerländer und -regionen',
      },
      help: {
        en: 'Countries or regions that benefit; when percentages are given they add up to 100.',
        fr: 'Pays ou régions bénéficiaires ; les pourcentages, s’ils sont indiqués, totalisent 100.',
        de: 'Begünstigte Länder oder Regionen; angegebene Prozentsätze ergeben zusammen 100.',
      },
      of: {
        type: 'object',
        label: { en: 'Recipient', fr: 'Bénéficiaire', de: 'Empfänger' },
        fields: {
          country: {
            type: 'code',
            codeList: 'iati_country',
            requiredUnless: 'region',
            label: { en: 'Country', fr: 'Pays', de: 'Land' },
          },
          region: {
            type: 'code',
            codeList: 'iati_region',
            requiredUnless: 'country',
            label: { en: 'Region', fr: 'Région', de: 'Region' },
          },
          percentage,
        },
      },
    },
    sectors: {
      type: 'list',
      maxItems: 20,
      of: { type: 'code', codeList: 'iati_sector', label: { en: 'Sector', fr: 'Secteur', de: 'Sektor' } },
      label: { en: 'Sectors (OECD-DAC)', fr: 'Secteurs (CAD de l’OCDE)', de: 'Sektoren (OECD-DAC)' },
    },
    themes: {
      type: 'list',
      maxItems: 7,
      required: true,
      of: { type: 'code', codeList: 'eucab_theme', label: { en: 'Theme', fr: 'Thème', de: 'Thema' } },
      label: { en: 'Thematic areas', fr: 'Domaines thématiques', de: 'Themenbereiche' },
    },
    planned_start: {
      type: 'date',
      label: { en: 'Planned start', fr: 'Début prévu', de: 'Geplanter Beginn' },
    },
    planned_end: {
      type: 'date',
      notBefore: 'planned_start',
      label: { en: 'Planned end', fr: 'Fin prévue', de: 'Geplantes Ende' },
    },
    actual_start: {
      type: 'date',
      label: { en: 'Actual start', fr: 'Début effectif', de: 'Tatsächlicher Beginn' },
    },
    actual_end: {
      type: 'date',
      notBefore: 'actual_start',
      label: { en: 'Actual end', fr: 'Fin effective', de: 'Tatsächliches Ende' },
    },
    budget: { type: 'money', label: { en: 'Budget', fr: 'Budget', de: 'Budget' } },
    documents: {
      type: 'list',
      maxItems: 30,
      label: { en: 'Documents (links)', fr: 'Documents (liens)', de: 'Dokumente (Links)' },
      of: {
        type: 'object',
        label: { en: 'Document', fr: 'Document', de: 'Dokument' },
        fields: {
          title: {
            type: 'text',
            maxLength: 300,
            required: true,
            label: { en: 'Title', fr: 'Titre', de: 'Titel' },
          },
          url: { type: 'url', required: true, label: { en: 'Address', fr: 'Adresse', de: 'Adresse' } },
          category: {
            type: 'code',
            codeList: 'iati_document_category',
            required: true,
            label: { en: 'Category', fr: 'Catégorie', de: 'Kategorie' },
          },
        },
      },
    },
    contacts: {
      type: 'list',
      maxItems: 10,
      label: { en: 'Contacts', fr: 'Contacts', de: 'Kontakte' },
      of: {
        type: 'object',
        label: { en: 'Contact', fr: 'Contact', de: 'Kontakt' },
        fields: {
          organisation: {
            type: 'text',
            maxLength: 300,
            label: { en: 'Organisation', fr: 'Organisation', de: 'Organisation' },
          },
          department: { type: 'text', maxLength: 300, label: { en: 'Unit', fr: 'Unité', de: 'Referat' } },
          email: {
            type: 'text',
            maxLength: 200,
            pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
            patternHint: {
              en: 'an e-mail address',
              fr: 'une adresse électronique',
              de: 'eine E-Mail-Adresse',
            },
            label: { en: 'E-mail', fr: 'Courriel', de: 'E-Mail' },
          },
          website: { type: 'url', label: { en: 'Website', fr: 'Site web', de: 'Website' } },
        },
      },
    },
    results: {
      type: 'mltext',
      maxLength: 10_000,
      label: { en: 'Results', fr: 'Résultats', de: 'Ergebnisse' },
    },
  },
  example: (token) => ({
    title: { en: `Customs cooperation ${token}`, fr: `Coopération douanière ${token}` },
    description: { en: 'Twinning on risk-based controls at the border crossing points.' },
    seed_status: 'existing',
    activity_status: '2',
    recipients: [
      { country: 'RS', percentage: 60 },
      { country: 'ME', percentage: 40 },
    ],
    sectors: ['33120'],
    themes: ['risk', 'training'],
    planned_start: '2025-01-01',
    planned_end: '2027-12-31',
    budget: { amount: 1_200_000, currency: 'EUR' },
  }),
  titleField: 'title',
  importKey: ['iati_identifier'],
  searchable: ['title', 'description', 'results', 'iati_identifier'],
  listColumns: ['title', 'seed_status', 'activity_status', 'sectors', 'themes', 'planned_start', 'budget'],
  filters: ['seed_status', 'activity_status', 'sectors', 'themes'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [
    { type: 'list', label: { en: 'Projects', fr: 'Projets', de: 'Projekte' } },
    {
      type: 'matrix',
      label: { en: 'Member State × theme', fr: 'État membre × thème', de: 'Mitgliedstaat × Thema' },
      field: 'themes',
      measure: 'count',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    cooperation_project: true;
  }
}
