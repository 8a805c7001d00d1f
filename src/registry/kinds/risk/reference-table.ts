import { defineKind } from '../../definition.ts';

/** Reference ratios for `ratio` conditions of risk rules, e.g. EUR per kg by HS prefix. */
export const referenceTable = defineKind({
  name: 'reference_table',
  label: 'Reference table',
  labelPlural: 'Reference tables',
  area: 'risk',
  network: 'risk-management',
  fields: {
    table_id: {
      type: 'text',
      label: 'Table id',
      required: true,
      maxLength: 60,
      pattern: '^[a-z0-9][a-z0-9_.-]{0,59}$',
      patternHint: 'Lower-case letters, digits, dot, dash and underscore, e.g. ref-eur-kg.',
    },
    title: { type: 'text', label: 'Title', required: true, maxLength: 200 },
    description: { type: 'text', label: 'Description', multiline: true, maxLength: 2000 },
    entries: {
      type: 'list',
      label: 'Entries',
      required: true,
      maxItems: 5000,
      of: {
        type: 'object',
        label: 'Entry',
        fields: {
          key: { type: 'text', label: 'Key (HS prefix or value)', required: true, maxLength: 100 },
          value: { type: 'number', label: 'Reference value', required: true },
        },
      },
    },
  },
  example: (token) => ({
    table_id: `t-${token}`,
    title: `Table ${token}`,
    entries: [{ key: '8703', value: 20 }],
  }),
  titleField: 'title',
  importKey: ['table_id'],
  searchable: ['title', 'description'],
  listColumns: ['title', 'table_id'],
  filters: [],
  // Risk rules, tables, party lists and goods measures steer selections (goods measures those of
  // every administration): added by risk analysts and the risk-management network only.
  access: {
    distribution: 'network',
    tlp: 'amber',
    createdBy: { network: true, orgRoles: ['risk_analyst'] },
  },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: 'Reference tables' }],
});
