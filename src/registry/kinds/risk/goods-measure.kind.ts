import { defineKind } from '../../definition.ts';

/**
 * A goods measure added by an administration (prohibition or restriction by CN/HS code,
 * direction, country and validity), screened against declaration lines beside the shipped annexes
 * of Reg. 833/2014 (src/modules/screening/goods-measures.ts turns a record into an engine measure).
 */
export const goodsMeasure = defineKind({
  name: 'goods_measure',
  label: { en: 'Goods measure', fr: 'Mesure sur les marchandises', de: 'Warenmaßnahme' },
  labelPlural: { en: 'Goods measures', fr: 'Mesures sur les marchandises', de: 'Warenmaßnahmen' },
  description: {
    en: 'Prohibitions and restrictions by goods code, direction, country and validity, screened against declaration lines.',
    fr: 'Interdictions et restrictions par code de marchandises, sens, pays et période de validité, contrôlées sur les lignes de déclaration.',
    de: 'Verbote und Beschränkungen nach Warencode, Richtung, Land und Geltungsdauer, gegen Anmeldepositionen geprüft.',
  },
  area: 'risk',
  network: 'risk-management',
  codeLists: [],
  fields: {
    measure_id: {
      type: 'text',
      label: { en: 'Measure identifier', fr: 'Identifiant de la mesure', de: 'Maßnahmenkennung' },
      required: true,
      maxLength: 100,
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
      patternHint: {
        en: 'letters, digits, dots, dashes',
        fr: 'lettres, chiffres, points, tirets',
        de: 'Buchstaben, Ziffern, Punkte, Bindestriche',
      },
    },
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    code_prefixes: {
      type: 'list',
      of: {
        type: 'text',
        pattern: '^[0-9]{2,10}$',
        patternHint: {
          en: '2 to 10 digits (HS, CN or TARIC prefix)',
          fr: '2 à 10 chiffres (préfixe SH, NC ou TARIC)',
          de: '2 bis 10 Ziffern (HS-, KN- oder TARIC-Präfix)',
        },
      },
      maxItems: 2000,
      label: {
        en: 'Code prefixes (HS/CN/TARIC digits)',
        fr: 'Préfixes de code (chiffres SH/NC/TARIC)',
        de: 'Code-Präfixe (HS/KN/TARIC-Ziffern)',
      },
      required: true,
    },
    applies_import: {
      type: 'boolean',
      label: { en: 'Applies to import', fr: "S'applique à l'importation", de: 'Gilt für die Einfuhr' },
    },
    applies_export: {
      type: 'boolean',
      label: { en: 'Applies to export', fr: "S'applique à l'exportation", de: 'Gilt für die Ausfuhr' },
    },
    applies_transit: {
      type: 'boolean',
      label: { en: 'Applies to transit', fr: "S'applique au transit", de: 'Gilt für die Durchfuhr' },
    },
    country_role: {
      type: 'text',
      label: {
        en: 'Country tested (destination, origin or dispatch)',
        fr: 'Pays vérifié (destination, origine ou expédition)',
        de: 'Geprüftes Land (Bestimmung, Ursprung oder Versendung)',
      },
      required: true,
      pattern: '^(destination|origin|dispatch)$',
      patternHint: {
        en: 'destination, origin or dispatch',
        fr: 'destination, origin ou dispatch',
        de: 'destination, origin oder dispatch',
      },
    },
    // any country of the world (the `country` field type holds EU member states only)
    countries: {
      type: 'list',
      of: {
        type: 'text',
        pattern: '^[A-Z]{2}$',
        patternHint: {
          en: 'ISO 3166 two-letter code, e.g. RU',
          fr: 'code ISO 3166 à deux lettres, p. ex. RU',
          de: 'zweistelliger ISO-3166-Code, z. B. RU',
        },
      },
      maxItems: 300,
      label: { en: 'Countries (ISO codes)', fr: 'Pays (codes ISO)', de: 'Länder (ISO-Codes)' },
      required: true,
    },
    valid_from: {
      type: 'date',
      label: { en: 'In force from', fr: 'En vigueur à partir du', de: 'In Kraft ab' },
      required: true,
    },
    valid_to: {
      type: 'date',
      label: { en: 'In force until', fr: "En vigueur jusqu'au", de: 'In Kraft bis' },
    },
    legal_basis: {
      type: 'text',
      label: { en: 'Legal basis', fr: 'Base juridique', de: 'Rechtsgrundlage' },
      required: true,
      maxLength: 1000,
    },
    description: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      label: { en: 'Description', fr: 'Description', de: 'Beschreibung' },
    },
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
  views: [
    {
      type: 'list',
      label: { en: 'Goods measures', fr: 'Mesures sur les marchandises', de: 'Warenmaßnahmen' },
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    goods_measure: true;
  }
}
