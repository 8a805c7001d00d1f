import { defineKind } from '../../definition.ts';
import { iatiCountry, iatiOrganisationType } from './iati.codes.ts';

/**
 * An organisation outside the platform that takes part in cooperation projects: a partner
 * administration of a third country, an international organisation, an agency. Its IATI
 * organisation identifier names it in IATI files (participating-org/@ref).
 */
export const externalOrganisation = defineKind({
  name: 'external_organisation',
  label: { en: 'External organisation', fr: 'Organisation externe', de: 'Externe Organisation' },
  labelPlural: { en: 'External organisations', fr: 'Organisations externes', de: 'Externe Organisationen' },
  description: {
    en: 'Partner administrations of third countries, international organisations and agencies that take part in cooperation projects, with their IATI organisation identifier.',
    fr: 'Administrations partenaires de pays tiers, organisations internationales et agences qui participent aux projets de coopération, avec leur identifiant d’organisation IATI.',
    de: 'Partnerverwaltungen von Drittländern, internationale Organisationen und Agenturen, die an Kooperationsprojekten beteiligt sind, mit ihrer IATI-Organisationskennung.',
  },
  area: 'third_countries',
  network: 'third-countries',
  codeLists: [iatiOrganisationType, iatiCountry],
  fields: {
    name: { type: 'text', label: { en: 'Name', fr: 'Nom', de: 'Name' }, required: true, maxLength: 300 },
    org_identifier: {
      type: 'text',
      maxLength: 200,
      pattern: '^[A-Za-z0-9][A-Za-z0-9._:/-]*-[A-Za-z0-9._:/-]+$',
      patternHint: {
        en: 'an IATI organisation identifier such as XM-DAC-41114 (registration agency, a dash, the number)',
        fr: 'un identifiant d’organisation IATI tel que XM-DAC-41114 (agence d’enregistrement, un tiret, le numéro)',
        de: 'eine IATI-Organisationskennung wie XM-DAC-41114 (Registrierungsstelle, Bindestrich, Nummer)',
      },
      label: {
        en: 'IATI organisation identifier',
        fr: 'Identifiant d’organisation IATI',
        de: 'IATI-Organisationskennung',
      },
    },
    org_type: {
      type: 'code',
      codeList: 'iati_organisation_type',
      required: true,
      label: { en: 'Type', fr: 'Type', de: 'Art' },
    },
    country: {
      type: 'code',
      codeList: 'iati_country',
      label: { en: 'Country', fr: 'Pays', de: 'Land' },
      help: {
        en: 'Where the organisation is based (empty for international organisations).',
        fr: 'Où l’organisation est établie (vide pour les organisations internationales).',
        de: 'Sitz der Organisation (leer bei internationalen Organisationen).',
      },
    },
  },
  example: (token) => ({
    name: `Customs Administration ${token}`,
    org_identifier: `XM-EX-${token.replace(/[^A-Za-z0-9]/g, '').slice(0, 20) || 'X'}`,
    org_type: '10',
    country: 'RS',
  }),
  titleField: 'name',
  importKey: ['name'],
  searchable: ['name', 'org_identifier'],
  listColumns: ['name', 'org_identifier', 'org_type', 'country'],
  filters: ['org_type', 'country'],
  access: { distribution: 'eucab', tlp: 'clear' },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Organisations', fr: 'Organisations', de: 'Organisationen' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    external_organisation: true;
  }
}
