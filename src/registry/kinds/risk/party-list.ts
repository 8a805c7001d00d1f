import { defineKind } from '../../definition.ts';

/** A list of parties (importer, exporter, declarant … identifiers) for `inList` conditions of risk rules. */
export const partyList = defineKind({
  name: 'party_list',
  label: 'Party list',
  labelPlural: 'Party lists',
  area: 'risk',
  network: 'risk-management',
  fields: {
    list_id: {
      type: 'text',
      label: 'List id',
      required: true,
      maxLength: 60,
      pattern: '^[a-z0-9][a-z0-9_.-]{0,59}$',
      patternHint: 'Lower-case letters, digits, dot, dash and underscore, e.g. watch-importers.',
    },
    title: { type: 'text', label: 'Title', required: true, maxLength: 200 },
    description: { type: 'text', label: 'Description', multiline: true, maxLength: 2000 },
    entries: {
      type: 'list',
      label: 'Parties',
      required: true,
      maxItems: 10000,
      of: {
        type: 'object',
        label: 'Party',
        fields: {
          party: { type: 'text', label: 'Party identifier', required: true, maxLength: 200 },
          note: { type: 'text', label: 'Note', maxLength: 500 },
        },
      },
    },
  },
  example: (token) => ({ list_id: `l-${token}`, title: `List ${token}`, entries: [{ party: 'IMP1' }] }),
  titleField: 'title',
  importKey: ['list_id'],
  searchable: ['title', 'description'],
  listColumns: ['title', 'list_id'],
  filters: [],
  // Risk rules, tables, party lists and goods measures steer selections (goods measures those of
  // every administration): added by risk analysts and the risk-management network only.
  access: {
    distribution: 'network',
    tlp: 'amber',
    createdBy: { network: true, orgRoles: ['risk_analyst'] },
  },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: 'Party lists' }],
});
