import { defineKind } from '../../definition.ts';
import { specificationRow } from './shared-fields.ts';

/** A field test of equipment before a tender: protocol, conditions, measured metrics, outcome. */
export const fieldTest = defineKind({
  name: 'field_test',
  label: 'Field test',
  labelPlural: 'Field tests',
  area: 'procurement',
  network: 'procurement',
  fields: {
    reference: { type: 'text', label: 'Reference', required: true, maxLength: 100 },
    title: { type: 'text', label: 'Title', required: true, maxLength: 300 },
    model: { type: 'ref', kind: 'equipment_model', label: 'Model', required: true },
    category: { type: 'code', codeList: 'control_purpose', label: 'Equipment category', required: true },
    site: { type: 'text', label: 'Site', maxLength: 200 },
    start_date: { type: 'date', label: 'Start', required: true },
    end_date: { type: 'date', label: 'End' },
    protocol: { type: 'text', multiline: true, maxLength: 10_000, label: 'Protocol' },
    conditions: { type: 'text', multiline: true, maxLength: 5000, label: 'Conditions' },
    metrics: { type: 'list', of: specificationRow, maxItems: 100, label: 'Measured metrics' },
    outcome: { type: 'code', codeList: 'test_outcome', label: 'Outcome', required: true },
    requirement_set: { type: 'ref', kind: 'requirement_set', label: 'Requirement set' },
    tender: { type: 'ref', kind: 'tender', label: 'Tender' },
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
    { type: 'list', label: 'Field tests' },
    { type: 'compare', label: 'Compare tests', field: 'metrics' },
  ],
});
