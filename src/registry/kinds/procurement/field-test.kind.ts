import { defineKind } from '../../definition.ts';
import { controlPurpose, equipmentMetric, testOutcome, unit } from './procurement.codes.ts';
import { specificationRow } from './shared-fields.ts';

/** A field test of equipment before a tender: protocol, conditions, measured metrics, outcome. */
export const fieldTest = defineKind({
  name: 'field_test',
  label: { en: 'Field test', fr: 'Essai sur le terrain', de: 'Feldtest' },
  labelPlural: { en: 'Field tests', fr: 'Essais sur le terrain', de: 'Feldtests' },
  description: {
    en: 'Field tests of equipment before a tender: protocol, conditions, measured metrics and outcome.',
    fr: 'Essais d’équipements sur le terrain avant un appel d’offres : protocole, conditions, mesures relevées et résultat.',
    de: 'Feldtests von Ausrüstung vor einer Ausschreibung: Protokoll, Bedingungen, gemessene Kennzahlen und Ergebnis.',
  },
  area: 'procurement',
  network: 'procurement',
  codeLists: [controlPurpose, testOutcome, equipmentMetric, unit],
  fields: {
    reference: {
      type: 'text',
      label: { en: 'Reference', fr: 'Référence', de: 'Aktenzeichen' },
      required: true,
      maxLength: 100,
    },
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    model: {
      type: 'ref',
      kind: 'equipment_model',
      label: { en: 'Model', fr: 'Modèle', de: 'Modell' },
      required: true,
    },
    category: {
      type: 'code',
      codeList: 'control_purpose',
      label: { en: 'Equipment category', fr: "Catégorie d'équipement", de: 'Ausrüstungskategorie' },
      required: true,
    },
    site: { type: 'text', label: { en: 'Site', fr: 'Site', de: 'Standort' }, maxLength: 200 },
    start_date: { type: 'date', label: { en: 'Start', fr: 'Début', de: 'Beginn' }, required: true },
    end_date: { type: 'date', label: { en: 'End', fr: 'Fin', de: 'Ende' } },
    protocol: {
      type: 'text',
      multiline: true,
      maxLength: 10_000,
      label: { en: 'Protocol', fr: 'Protocole', de: 'Protokoll' },
    },
    conditions: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      label: { en: 'Conditions', fr: 'Conditions', de: 'Bedingungen' },
    },
    metrics: {
      type: 'list',
      // Each row is one measured metric (the same shape as a model's specification).
      of: { ...specificationRow, label: { en: 'Metric', fr: 'Mesure', de: 'Kennzahl' } },
      maxItems: 100,
      label: { en: 'Measured metrics', fr: 'Mesures relevées', de: 'Gemessene Kennzahlen' },
    },
    outcome: {
      type: 'code',
      codeList: 'test_outcome',
      label: { en: 'Outcome', fr: 'Résultat', de: 'Ergebnis' },
      required: true,
    },
    requirement_set: {
      type: 'ref',
      kind: 'requirement_set',
      label: { en: 'Requirement set', fr: "Ensemble d'exigences", de: 'Anforderungskatalog' },
    },
    tender: {
      type: 'ref',
      kind: 'tender',
      label: { en: 'Tender', fr: "Appel d'offres", de: 'Ausschreibung' },
    },
  },
  example: (token, ref) => ({
    reference: `FT-${token}`,
    title: `Test ${token}`,
    model: ref('equipment_model'),
    category: 'nii',
    start_date: '2026-03-01',
    outcome: 'passed',
  }),
  titleField: 'title',
  importKey: ['reference'],
  searchable: ['reference', 'title', 'protocol', 'conditions', 'site'],
  listColumns: ['reference', 'title', 'model', 'category', 'start_date', 'outcome'],
  filters: ['category', 'outcome', 'model'],
  access: { distribution: 'eucab', tlp: 'amber' },
  workflow: { fourEyes: false },
  views: [
    { type: 'list', label: { en: 'Field tests', fr: 'Essais sur le terrain', de: 'Feldtests' } },
    {
      type: 'compare',
      label: { en: 'Compare tests', fr: 'Comparer les essais', de: 'Tests vergleichen' },
      field: 'metrics',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    field_test: true;
  }
}
