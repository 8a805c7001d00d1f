import { defineKind } from '../../definition.ts';

/**
 * A goods measure added by an administration (prohibition or restriction by CN/HS code,
 * direction, country and validity), screened against declaration lines beside the shipped annexes
 * of Reg. 833/2014 (src/modules/screening/goods-measures.ts turns a record into an engine measure).
 */
export const goodsMeasure = defineKind({
  name: 'goods_measure',
  label: 'Goods measure',
  labelPlural: 'Goods measures',
  area: 'risk',
  network: 'risk-management',
  fields: {
    measure_id: {
      type: 'text',
      label: 'Measure identifier',
      required: true,
      maxLength: 100,
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
      patternHint: 'letters, digits, dots, dashes',
    },
    title: { type: 'text', label: 'Title', required: true, maxLength: 300 },
    code_prefixes: {
      type: 'list',
      of: { type: 'text', pattern: '^[0-9]{2,10}$', patternHint: '2 to 10 digits (HS, CN or TARIC prefix)' },
      maxItems: 2000,
      label: 'Code prefixes (HS/CN/TARIC digits)',
      required: true,
    },
    applies_import: { type: 'boolean', label: 'Applies to import' },
    applies_export: { type: 'boolean', label: 'Applies to export' },
    applies_transit: { type: 'boolean', label: 'Applies to transit' },
    country_role: {
      type: 'text',
      label: 'Country tested (destination, origin or dispatch)',
      required: true,
      pattern: '^(destination|origin|dispatch)$',
      patternHint: 'destination, origin or dispatch',
    },
    // any country of the world (the `country` field type holds EU member states only)
    countries: {
      type: 'list',
      of: { type: 'text', pattern: '^[A-Z]{2}$', patternHint: 'ISO 3166 two-letter code, e.g. RU' },
      maxItems: 300,
      label: 'Countries (ISO codes)',
      required: true,
    },
    valid_from: { type: 'date', label: 'In force from', required: true },
    valid_to: { type: 'date', label: 'In force until' },
    legal_basis: { type: 'text', label: 'Legal basis', required: true, maxLength: 1000 },
    description: { type: 'text', multiline: true, maxLength: 5000, label: 'Description' },
  },
  example: (token) => ({
    measure_id: `gm-${token}`,
    title: `Measure ${token}`,
    code_prefixes: ['8471'],
    applies_export: true,
    country_role: 'destination',
    countries: ['RU'],
    valid_from: '2026-01-01',
    legal_basis: 'Test regulation, Article 1',
  }),
  titleField: 'title',
  importKey: ['measure_id'],
  searchable: ['measure_id', 'title', 'legal_basis', 'description'],
  listColumns: ['measure_id', 'title', 'country_role', 'valid_from', 'valid_to'],
  filters: ['country_role'],
  // Risk rules, tables, party lists and goods measures steer selections (goods measures those of
  // every administration): added by risk analysts and the risk-management network only.
  access: {
    distribution: 'eucab',
    tlp: 'green',
    createdBy: { network: true, orgRoles: ['risk_analyst'] },
  },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: 'Goods measures' }],
});
