import { defineKind } from '../../definition.ts';
import { euLanguage, facilityCapability } from './training.codes.ts';

/** A training facility of an administration: where it is, how many it takes, what it has, its languages. */
export const trainingFacility = defineKind({
  name: 'training_facility',
  label: { en: 'Training facility', fr: 'Centre de formation', de: 'Schulungseinrichtung' },
  labelPlural: { en: 'Training facilities', fr: 'Centres de formation', de: 'Schulungseinrichtungen' },
  description: {
    en: 'Training facilities of the administrations: site, capacity, capabilities (X-ray training rigs, detector dog school, shooting range, laboratory …) and languages.',
    fr: 'Centres de formation des administrations : site, capacité, équipements (bancs de radioscopie, école cynophile, stand de tir, laboratoire …) et langues.',
    de: 'Schulungseinrichtungen der Verwaltungen: Standort, Kapazität, Ausstattung (Röntgen-Schulungsanlagen, Diensthundeschule, Schießstand, Labor …) und Sprachen.',
  },
  area: 'training',
  network: 'training',
  codeLists: [facilityCapability, euLanguage],
  fields: {
    name: { type: 'text', label: { en: 'Name', fr: 'Nom', de: 'Name' }, required: true, maxLength: 300 },
    site: {
      type: 'location',
      required: true,
      label: { en: 'Site', fr: 'Site', de: 'Standort' },
      help: {
        en: 'The place on the map (latitude and longitude): travel distances are computed from it.',
        fr: 'L’emplacement sur la carte (latitude et longitude) : les distances de déplacement en sont calculées.',
        de: 'Der Ort auf der Karte (Breite und Länge): daraus werden die Reisestrecken berechnet.',
      },
    },
    country: {
      type: 'country',
      required: true,
      setBy: 'owner_country',
      label: { en: 'Country', fr: 'Pays', de: 'Land' },
    },
    capacity: {
      type: 'number',
      integer: true,
      min: 1,
      max: 10_000,
      required: true,
      label: {
        en: 'Capacity (trainees at once)',
        fr: 'Capacité (stagiaires à la fois)',
        de: 'Kapazität (Teilnehmende gleichzeitig)',
      },
    },
    capabilities: {
      type: 'list',
      of: {
        type: 'code',
        codeList: 'facility_capability',
        label: { en: 'Capability', fr: 'Équipement', de: 'Ausstattung' },
      },
      maxItems: 20,
      required: true,
      label: { en: 'Capabilities', fr: 'Équipements', de: 'Ausstattung' },
    },
    languages: {
      type: 'list',
      of: { type: 'code', codeList: 'eu_language', label: { en: 'Language', fr: 'Langue', de: 'Sprache' } },
      maxItems: 24,
      required: true,
      label: { en: 'Languages', fr: 'Langues', de: 'Sprachen' },
    },
    description: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      label: { en: 'Description', fr: 'Description', de: 'Beschreibung' },
    },
  },
  example: (token) => ({
    name: `Facility ${token}`,
    site: { label: 'Training centre', lat: 52.09, lon: 5.12 },
    capacity: 40,
    capabilities: ['classroom', 'xray_rig'],
    languages: ['en', 'nl'],
  }),
  titleField: 'name',
  importKey: ['name'],
  searchable: ['name', 'description'],
  listColumns: ['name', 'country', 'capacity', 'capabilities', 'languages'],
  filters: ['capabilities', 'languages', 'country'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [
    { type: 'list', label: { en: 'Facilities', fr: 'Centres', de: 'Einrichtungen' } },
    {
      type: 'map',
      label: { en: 'Facilities on the map', fr: 'Centres sur la carte', de: 'Einrichtungen auf der Karte' },
      field: 'country',
      measure: 'count',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    training_facility: true;
  }
}
