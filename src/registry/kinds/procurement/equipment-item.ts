import { defineKind } from '../../definition.ts';

/** What an administration uses: the catalogue of equipment per Member State. */
export const equipmentItem = defineKind({
  name: 'equipment_item',
  label: 'Catalogue entry',
  labelPlural: 'Equipment catalogue',
  area: 'procurement',
  network: 'procurement',
  fields: {
    inventory_ref: { type: 'text', label: 'Inventory reference', required: true, maxLength: 100 },
    model: { type: 'ref', kind: 'equipment_model', label: 'Model', required: true },
    category: { type: 'code', codeList: 'control_purpose', label: 'Control purpose', required: true },
    quantity: { type: 'number', integer: true, min: 1, max: 100_000, label: 'Quantity', required: true },
    year_acquired: { type: 'number', integer: true, min: 1950, max: 2100, label: 'Year acquired' },
    // The catalogue is per Member State: an entry's country is its owner's (matrix and map agree).
    country: { type: 'country', label: 'Country', required: true, setBy: 'owner_country' },
    border_types: {
      type: 'list',
      of: { type: 'code', codeList: 'border_type', label: 'Border type' },
      maxItems: 5,
      label: 'Border types',
    },
    sites: {
      type: 'list',
      of: { type: 'location', label: 'Site' },
      maxItems: 200,
      label: 'Sites',
      visibleTo: 'owner',
      help: 'Site-level locations are visible to your administration only: coverage gaps are sensitive.',
    },
    satisfaction: { type: 'code', codeList: 'satisfaction', label: 'Satisfaction' },
    maintenance: { type: 'code', codeList: 'maintenance_arrangement', label: 'Maintenance arrangement' },
    safety_measures: { type: 'text', multiline: true, maxLength: 5000, label: 'Officer safety measures' },
    notes: { type: 'text', multiline: true, maxLength: 5000, label: 'Notes' },
  },
  example: (token, ref) => ({
    inventory_ref: `INV-${token}`,
    model: ref('equipment_model'),
    category: 'nii',
    quantity: 1,
    sites: [{ label: `Site ${token}`, lat: 52.37, lon: 4.9 }],
  }),
  titleField: 'inventory_ref',
  importKey: ['inventory_ref'],
  searchable: ['inventory_ref', 'safety_measures', 'notes'],
  listColumns: ['inventory_ref', 'model', 'category', 'quantity', 'year_acquired', 'country', 'border_types'],
  filters: ['category', 'country', 'border_types', 'satisfaction', 'maintenance', 'model'],
  access: { distribution: 'eucab', tlp: 'amber' },
  workflow: { fourEyes: false },
  views: [
    { type: 'list', label: 'Catalogue' },
    {
      type: 'matrix',
      label: 'Member State × category',
      field: 'category',
      measure: 'sum',
      sumField: 'quantity',
    },
    { type: 'map', label: 'Coverage map', field: 'country', measure: 'sum', sumField: 'quantity' },
  ],
});
