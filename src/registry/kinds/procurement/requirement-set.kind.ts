import { defineKind } from '../../definition.ts';
import {
  comparison,
  controlPurpose,
  equipmentMetric,
  equipmentTechnology,
  requirementKind,
  unit,
} from './procurement.codes.ts';

/** Versioned minimum requirements for one equipment category; published only after a second person approves. */
export const requirementSet = defineKind({
  name: 'requirement_set',
  label: { en: 'Requirement set', fr: "Ensemble d'exigences", de: 'Anforderungskatalog' },
  labelPlural: { en: 'Minimum requirements', fr: 'Exigences minimales', de: 'Mindestanforderungen' },
  description: {
    en: 'Versioned minimum requirements for one equipment category, published after a second person approves; models and field tests are checked against them.',
    fr: 'Exigences minimales versionnées pour une catégorie d’équipements, publiées après l’approbation d’une seconde personne ; les modèles et les essais sur le terrain sont vérifiés au regard de celles-ci.',
    de: 'Versionierte Mindestanforderungen für eine Ausrüstungskategorie, veröffentlicht nach Freigabe durch eine zweite Person; Modelle und Feldtests werden daran gemessen.',
  },
  area: 'procurement',
  network: 'procurement',
  codeLists: [controlPurpose, equipmentTechnology, requirementKind, equipmentMetric, comparison, unit],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 200 },
    category: {
      type: 'code',
      codeList: 'control_purpose',
      label: { en: 'Equipment category', fr: "Catégorie d'équipement", de: 'Ausrüstungskategorie' },
      required: true,
    },
    technology: {
      type: 'code',
      codeList: 'equipment_technology',
      label: { en: 'Technology', fr: 'Technologie', de: 'Technologie' },
    },
    version_label: {
      type: 'text',
      label: { en: 'Version', fr: 'Version', de: 'Version' },
      required: true,
      maxLength: 40,
    },
    requirements: {
      type: 'list',
      maxItems: 300,
      label: { en: 'Requirements', fr: 'Exigences', de: 'Anforderungen' },
      required: true,
      of: {
        type: 'object',
        label: { en: 'Requirement', fr: 'Exigence', de: 'Anforderung' },
        fields: {
          req_id: {
            type: 'text',
            label: { en: 'Id', fr: 'Identifiant', de: 'Kennung' },
            required: true,
            maxLength: 40,
          },
          text: {
            type: 'text',
            label: { en: 'Requirement', fr: 'Exigence', de: 'Anforderung' },
            required: true,
            maxLength: 2000,
          },
          kind: {
            type: 'code',
            codeList: 'requirement_kind',
            label: { en: 'Kind', fr: 'Type', de: 'Art' },
            required: true,
          },
          metric: {
            type: 'code',
            codeList: 'equipment_metric',
            label: { en: 'Metric', fr: 'Mesure', de: 'Kennzahl' },
          },
          comparison: {
            type: 'code',
            codeList: 'comparison',
            label: { en: 'Comparison', fr: 'Comparaison', de: 'Vergleich' },
          },
          threshold: { type: 'number', label: { en: 'Threshold', fr: 'Seuil', de: 'Schwellenwert' } },
          unit: { type: 'code', codeList: 'unit', label: { en: 'Unit', fr: 'Unité', de: 'Einheit' } },
          standard: {
            type: 'text',
            label: { en: 'Reference standard', fr: 'Norme de référence', de: 'Referenznorm' },
            maxLength: 100,
          },
        },
      },
    },
  },
  example: (token) => ({
    title: `Requirements ${token}`,
    category: 'nii',
    version_label: token,
    requirements: [{ req_id: 'R1', text: 'Works', kind: 'performance' }],
  }),
  titleField: 'title',
  importKey: ['category', 'version_label'],
  searchable: ['title'],
  listColumns: ['title', 'category', 'version_label'],
  filters: ['category', 'technology'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: true },
  views: [
    {
      type: 'list',
      label: { en: 'Requirement sets', fr: "Ensembles d'exigences", de: 'Anforderungskataloge' },
    },
    {
      type: 'compliance',
      label: {
        en: 'Compliance of models and field tests',
        fr: 'Conformité des modèles et des essais sur le terrain',
        de: 'Konformität von Modellen und Feldtests',
      },
      field: 'requirements',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    requirement_set: true;
  }
}
