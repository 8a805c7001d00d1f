import { defineKind } from '../../definition.ts';
import { iatiCountry, iatiRegion, iatiSector } from './iati.codes.ts';
import { eucabTheme, supportNeedPriority, supportNeedStatus } from './third-countries.codes.ts';

/**
 * A partner country's or region's need for support: its theme, what is needed, its priority, who
 * raised it and where it stands, linked to the cooperation projects that answer it. A mapping
 * campaign can collect them from the administrations (the registry's import takes its answers).
 */
export const supportNeed = defineKind({
  name: 'support_need',
  label: { en: 'Support need', fr: 'Besoin d’appui', de: 'Unterstützungsbedarf' },
  labelPlural: { en: 'Support needs', fr: 'Besoins d’appui', de: 'Unterstützungsbedarfe' },
  description: {
    en: 'Needs of partner countries and regions for support — theme, description, priority, who raised them, status — linked to the projects that answer them.',
    fr: 'Besoins d’appui des pays et régions partenaires — thème, description, priorité, qui les a exprimés, statut — reliés aux projets qui y répondent.',
    de: 'Unterstützungsbedarfe von Partnerländern und -regionen — Thema, Beschreibung, Priorität, wer ihn geäußert hat, Stand — verknüpft mit den Projekten, die ihn decken.',
  },
  area: 'third_countries',
  network: 'third-countries',
  codeLists: [iatiCountry, iatiRegion, iatiSector, eucabTheme, supportNeedPriority, supportNeedStatus],
  fields: {
    title: {
      type: 'text',
      maxLength: 300,
      required: true,
      label: { en: 'Need', fr: 'Besoin', de: 'Bedarf' },
    },
    country: {
      type: 'code',
      codeList: 'iati_country',
      requiredUnless: 'region',
      label: { en: 'Partner country', fr: 'Pays partenaire', de: 'Partnerland' },
    },
    region: {
      type: 'code',
      codeList: 'iati_region',
      requiredUnless: 'country',
      label: { en: 'Partner region', fr: 'Région partenaire', de: 'Partnerregion' },
    },
    themes: {
      type: 'list',
      maxItems: 7,
      required: true,
      of: { type: 'code', codeList: 'eucab_theme', label: { en: 'Theme', fr: 'Thème', de: 'Thema' } },
      label: { en: 'Thematic areas', fr: 'Domaines thématiques', de: 'Themenbereiche' },
    },
    sectors: {
      type: 'list',
      maxItems: 10,
      of: { type: 'code', codeList: 'iati_sector', label: { en: 'Sector', fr: 'Secteur', de: 'Sektor' } },
      label: { en: 'Sectors (OECD-DAC)', fr: 'Secteurs (CAD de l’OCDE)', de: 'Sektoren (OECD-DAC)' },
    },
    description: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      required: true,
      label: { en: 'Description', fr: 'Description', de: 'Beschreibung' },
    },
    priority: {
      type: 'code',
      codeList: 'support_need_priority',
      required: true,
      label: { en: 'Priority', fr: 'Priorité', de: 'Priorität' },
    },
    raised_by: {
      type: 'ref',
      kind: 'external_organisation',
      label: { en: 'Raised by', fr: 'Exprimé par', de: 'Geäußert von' },
      help: {
        en: 'The partner administration or organisation that raised the need.',
        fr: 'L’administration ou l’organisation partenaire qui a exprimé le besoin.',
        de: 'Die Partnerverwaltung oder -organisation, die den Bedarf geäußert hat.',
      },
    },
    raised_on: { type: 'date', label: { en: 'Raised on', fr: 'Exprimé le', de: 'Geäußert am' } },
    need_status: {
      type: 'code',
      codeList: 'support_need_status',
      required: true,
      label: { en: 'Status', fr: 'Statut', de: 'Stand' },
    },
    projects: {
      type: 'list',
      maxItems: 50,
      of: {
        type: 'ref',
        kind: 'cooperation_project',
        label: { en: 'Project', fr: 'Projet', de: 'Projekt' },
      },
      label: { en: 'Projects that answer it', fr: 'Projets qui y répondent', de: 'Projekte, die ihn decken' },
    },
  },
  example: (token, ref) => ({
    title: `Post-clearance audit capacity ${token}`,
    country: 'MD',
    themes: ['risk', 'training'],
    sectors: ['33120'],
    description: 'Training of post-clearance auditors and a risk-based audit selection.',
    priority: 'high',
    raised_by: ref('external_organisation'),
    need_status: 'open',
    projects: [ref('cooperation_project')],
  }),
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title', 'description'],
  listColumns: ['title', 'country', 'region', 'themes', 'priority', 'need_status'],
  filters: ['country', 'region', 'themes', 'priority', 'need_status'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Needs', fr: 'Besoins', de: 'Bedarfe' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    support_need: true;
  }
}
