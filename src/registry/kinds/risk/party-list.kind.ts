import { defineKind } from '../../definition.ts';

/** A list of parties (importer, exporter, declarant … identifiers) for `inList` conditions of risk rules. */
export const partyList = defineKind({
  name: 'party_list',
  label: { en: 'Party list', fr: 'Liste de parties', de: 'Beteiligtenliste' },
  labelPlural: { en: 'Party lists', fr: 'Listes de parties', de: 'Beteiligtenlisten' },
  description: {
    en: 'Lists of parties (importers, exporters, declarants …) for the list conditions of risk rules.',
    fr: 'Listes de parties (importateurs, exportateurs, déclarants …) pour les conditions de liste des règles de risque.',
    de: 'Listen von Beteiligten (Einführer, Ausführer, Anmelder …) für die Listenbedingungen von Risikoregeln.',
  },
  area: 'risk',
  network: 'risk-management',
  codeLists: [],
  fields: {
    list_id: {
      type: 'text',
      label: { en: 'List id', fr: 'Identifiant de la liste', de: 'Listenkennung' },
      required: true,
      maxLength: 60,
      pattern: '^[a-z0-9][a-z0-9_.-]{0,59}$',
      patternHint: {
        en: 'Lower-case letters, digits, dot, dash and underscore, e.g. watch-importers.',
        fr: 'Lettres minuscules, chiffres, point, tiret et tiret bas, p. ex. watch-importers.',
        de: 'Kleinbuchstaben, Ziffern, Punkt, Bindestrich und Unterstrich, z. B. watch-importers.',
      },
    },
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 200 },
    description: {
      type: 'text',
      label: { en: 'Description', fr: 'Description', de: 'Beschreibung' },
      multiline: true,
      maxLength: 2000,
    },
    entries: {
      type: 'list',
      label: { en: 'Parties', fr: 'Parties', de: 'Beteiligte' },
      required: true,
      maxItems: 10000,
      of: {
        type: 'object',
        label: { en: 'Party', fr: 'Partie', de: 'Beteiligter' },
        fields: {
          party: {
            type: 'text',
            label: { en: 'Party identifier', fr: 'Identifiant de la partie', de: 'Kennung des Beteiligten' },
            required: true,
            maxLength: 200,
          },
          note: { type: 'text', label: { en: 'Note', fr: 'Remarque', de: 'Anmerkung' }, maxLength: 500 },
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
  views: [{ type: 'list', label: { en: 'Party lists', fr: 'Listes de parties', de: 'Beteiligtenlisten' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    party_list: true;
  }
}
