import { defineKind } from '../../definition.ts';
import { specificationRow } from './shared-fields.ts';

/** A make and model of customs control equipment; catalogue entries, tests and tenders refer to it. */
export const equipmentModel = defineKind({
  name: 'equipment_model',
  label: 'Equipment model',
  labelPlural: 'Equipment models',
  area: 'procurement',
  network: 'procurement',
  fields: {
    manufacturer: { type: 'text', label: 'Manufacturer', required: true, maxLength: 200 },
    model: { type: 'text', label: 'Model', required: true, maxLength: 200 },
    category: { type: 'code', codeList: 'control_purpose', label: 'Control purpose', required: true },
    technology: { type: 'code', codeList: 'equipment_technology', label: 'Technology', required: true },
    deployment: { type: 'code', codeList: 'deployment', label: 'Deployment' },
    description: { type: 'mltext', label: 'Description', maxLength: 5000 },
    specifications: { type: 'list', of: specificationRow, maxItems: 100, label: 'Specifications' },
    datasheet_url: { type: 'url', label: 'Data sheet' },
  },
  example: (token) => ({
    manufacturer: `Maker ${token}`,
    model: `M-${token}`,
    category: 'nii',
    technology: 'xray_high',
  }),
  titleField: 'model',
  importKey: ['manufacturer', 'model'],
  searchable: ['manufacturer', 'model', 'description'],
  listColumns: ['manufacturer', 'model', 'category', 'technology', 'deployment'],
  filters: ['manufacturer', 'category', 'technology', 'deployment'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [
    { type: 'list', label: 'Models' },
    { type: 'compare', label: 'Compare models', field: 'specifications' },
  ],
});
