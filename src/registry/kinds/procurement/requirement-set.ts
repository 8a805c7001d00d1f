import { defineKind } from '../../definition.ts';

/** Versioned minimum requirements for one equipment category; published only after a second person approves. */
export const requirementSet = defineKind({
  name: 'requirement_set',
  label: 'Requirement set',
  labelPlural: 'Minimum requirements',
  area: 'procurement',
  network: 'procurement',
  fields: {
    title: { type: 'text', label: 'Title', required: true, maxLength: 200 },
    category: { type: 'code', codeList: 'control_purpose', label: 'Equipment category', required: true },
    technology: { type: 'code', codeList: 'equipment_technology', label: 'Technology' },
    version_label: { type: 'text', label: 'Version', required: true, maxLength: 40 },
    requirements: {
      type: 'list',
      maxItems: 300,
      label: 'Requirements',
      required: true,
      of: {
        type: 'object',
        label: 'Requirement',
        fields: {
          req_id: { type: 'text', label: 'Id', required: true, maxLength: 40 },
          text: { type: 'text', label: 'Requirement', required: true, maxLength: 2000 },
          kind: { type: 'code', codeList: 'requirement_kind', label: 'Kind', required: true },
          metric: { type: 'code', codeList: 'equipment_metric', label: 'Metric' },
          comparison: { type: 'code', codeList: 'comparison', label: 'Comparison' },
          threshold: { type: 'number', label: 'Threshold' },
          unit: { type: 'code', codeList: 'unit', label: 'Unit' },
          standard: { type: 'text', label: 'Reference standard', maxLength: 100 },
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
    { type: 'list', label: 'Requirement sets' },
    { type: 'compliance', label: 'Compliance of models and field tests', field: 'requirements' },
  ],
});
