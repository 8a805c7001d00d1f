import { defineKind } from '../../definition.ts';
import { riskFamily } from './risk-family.codes.ts';

/**
 * A common risk factor built together in the risk-management network (issue 17): a risk family and
 * area, indicators written against the risk engine's data roles, the rationale and sources, and
 * validity. Published after a coordinator of the network approves it (network-level four eyes).
 * "Turn into a rule" (src/modules/risk-sharing) writes an executable `risk_rule` from the
 * indicators, linked back to the factor.
 */
export const riskFactor = defineKind({
  name: 'risk_factor',
  label: { en: 'Common risk factor', fr: 'Facteur de risque commun', de: 'Gemeinsamer Risikofaktor' },
  labelPlural: {
    en: 'Common risk factors',
    fr: 'Facteurs de risque communs',
    de: 'Gemeinsame Risikofaktoren',
  },
  description: {
    en: 'Risk factors the administrations build together: indicators written against the risk engine’s data roles, with rationale, sources and validity; one action turns a factor into a risk rule.',
    fr: 'Facteurs de risque élaborés en commun par les administrations : indicateurs écrits sur les rôles de données du moteur de risque, avec justification, sources et validité ; une action transforme un facteur en règle de risque.',
    de: 'Gemeinsam von den Verwaltungen erarbeitete Risikofaktoren: Indikatoren auf Grundlage der Datenrollen der Risiko-Engine, mit Begründung, Quellen und Gültigkeit; eine Aktion macht aus einem Faktor eine Risikoregel.',
  },
  area: 'risk',
  network: 'risk-management',
  codeLists: [riskFamily],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    family: {
      type: 'code',
      codeList: 'risk_family',
      label: { en: 'Risk family', fr: 'Famille de risque', de: 'Risikofamilie' },
      required: true,
    },
    risk_area: {
      type: 'text',
      maxLength: 300,
      label: { en: 'Risk area', fr: 'Domaine de risque', de: 'Risikobereich' },
      required: true,
    },
    indicators: {
      type: 'list',
      required: true,
      maxItems: 20,
      label: {
        en: 'Indicators (all must hold)',
        fr: 'Indicateurs (tous doivent être remplis)',
        de: 'Indikatoren (alle müssen erfüllt sein)',
      },
      of: {
        type: 'object',
        label: { en: 'Indicator', fr: 'Indicateur', de: 'Indikator' },
        fields: {
          role: {
            type: 'text',
            required: true,
            label: { en: 'Data role', fr: 'Rôle de données', de: 'Datenrolle' },
            pattern:
              '^(hs_prefix|origin|departure|destination|route|party|value_per_kg_vs_hs6_median|transport_mode)$',
            patternHint: {
              en: 'One of hs_prefix, origin, departure, destination, route (departure>destination), party, value_per_kg_vs_hs6_median, transport_mode.',
              fr: 'Une des valeurs hs_prefix, origin, departure, destination, route (départ>destination), party, value_per_kg_vs_hs6_median, transport_mode.',
              de: 'Einer der Werte hs_prefix, origin, departure, destination, route (Abgang>Bestimmung), party, value_per_kg_vs_hs6_median, transport_mode.',
            },
          },
          operator: {
            type: 'text',
            required: true,
            label: { en: 'Operator', fr: 'Opérateur', de: 'Operator' },
            pattern: '^(equals|in|prefix|below|above|in_list)$',
            patternHint: {
              en: 'equals, in (values separated by commas), prefix (HS codes starting with the values), below or above (× the HS6 median), in_list (a party list id).',
              fr: 'equals, in (valeurs séparées par des virgules), prefix (codes SH commençant par les valeurs), below ou above (× la médiane SH6), in_list (identifiant d’une liste de parties).',
              de: 'equals, in (durch Kommas getrennte Werte), prefix (HS-Codes, die mit den Werten beginnen), below oder above (× HS6-Median), in_list (Kennung einer Beteiligtenliste).',
            },
          },
          value: {
            type: 'text',
            required: true,
            maxLength: 500,
            label: { en: 'Value', fr: 'Valeur', de: 'Wert' },
          },
          table: {
            type: 'text',
            maxLength: 60,
            label: {
              en: 'Reference table of HS6 median values per kg',
              fr: 'Table de référence des valeurs médianes par kg (SH6)',
              de: 'Referenztabelle der HS6-Medianwerte je kg',
            },
          },
        },
      },
    },
    rationale: {
      type: 'text',
      multiline: true,
      maxLength: 4000,
      required: true,
      label: { en: 'Rationale', fr: 'Justification', de: 'Begründung' },
    },
    sources: {
      type: 'text',
      multiline: true,
      maxLength: 2000,
      label: { en: 'Sources', fr: 'Sources', de: 'Quellen' },
    },
    valid_from: { type: 'date', label: { en: 'Valid from', fr: 'Valable du', de: 'Gültig ab' } },
    valid_to: {
      type: 'date',
      notBefore: 'valid_from',
      label: { en: 'Valid to', fr: "Valable jusqu'au", de: 'Gültig bis' },
    },
  },
  example: (token) => ({
    title: `Factor ${token}`,
    family: 'financial',
    risk_area: 'Undervaluation of passenger cars',
    indicators: [
      { role: 'hs_prefix', operator: 'prefix', value: '8703' },
      { role: 'origin', operator: 'in', value: 'CN, TR' },
    ],
    rationale: 'Declared values of passenger cars far below comparable imports.',
  }),
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title', 'risk_area', 'rationale'],
  listColumns: ['title', 'family', 'risk_area', 'valid_from', 'valid_to'],
  filters: ['family'],
  access: {
    distribution: 'network',
    tlp: 'amber',
    createdBy: { network: true, orgRoles: ['risk_analyst'] },
  },
  // Network-level four eyes: a coordinator of the risk-management network publishes.
  workflow: { approval: [{ by: 'network_coordinator' }] },
  views: [
    {
      type: 'list',
      label: { en: 'Common risk factors', fr: 'Facteurs de risque communs', de: 'Gemeinsame Risikofaktoren' },
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    risk_factor: true;
  }
}
