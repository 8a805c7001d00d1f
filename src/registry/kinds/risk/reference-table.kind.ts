import { defineKind } from '../../definition.ts';

/** Reference ratios for `ratio` conditions of risk rules, e.g. EUR per kg by HS prefix. */
export const referenceTable = defineKind({
  name: 'reference_table',
  label: { en: 'Reference table', fr: 'Table de référence', de: 'Referenztabelle' },
  labelPlural: { en: 'Reference tables', fr: 'Tables de référence', de: 'Referenztabellen' },
  description: {
    en: 'Reference values for the ratio conditions of risk rules, e.g. euros per kilogram by HS prefix.',
    fr: 'Valeurs de référence pour les conditions de ratio des règles de risque, p. ex. euros par kilogramme par préfixe SH.',
    de: 'Referenzwerte für die Verhältnisbedingungen von Risikoregeln, z. B. Euro je Kilogramm nach HS-Präfix.',
  },
  area: 'risk',
  network: 'risk-management',
  codeLists: [],
  fields: {
    table_id: {
      type: 'text',
      label: { en: 'Table id', fr: 'Identifiant de la table', de: 'Tabellenkennung' },
      required: true,
      maxLength: 60,
      pattern: '^[a-z0-9][a-z0-9_.-]{0,59}$',
      patternHint: {
        en: 'Lower-case letters, digits, dot, dash and underscore, e.g. ref-eur-kg.',
        fr: 'Lettres minuscules, chiffres, point, tiret et tiret bas, p. ex. ref-eur-kg.',
        de: 'Kleinbuchstaben, Ziffern, Punkt, Bindestrich und Unterstrich, z. B. ref-eur-kg.',
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
      label: { en: 'Entries', fr: 'Entrées', de: 'Einträge' },
      required: true,
      maxItems: 5000,
      of: {
        type: 'object',
        label: { en: 'Entry', fr: 'Entrée', de: 'Eintrag' },
        fields: {
          key: {
            type: 'text',
            label: {
              en: 'Key (HS prefix or value)',
              fr: 'Clé (préfixe SH ou valeur)',
              de: 'Schlüssel (HS-Präfix oder Wert)',
            },
            required: true,
            maxLength: 100,
          },
          value: {
            type: 'number',
            label: { en: 'Reference value', fr: 'Valeur de référence', de: 'Referenzwert' },
            required: true,
          },
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
  views: [
    { type: 'list', label: { en: 'Reference tables', fr: 'Tables de référence', de: 'Referenztabellen' } },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    reference_table: true;
  }
}
