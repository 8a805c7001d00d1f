import { defineKind } from '../../definition.ts';
import { borderType, controlPurpose, maintenanceArrangement, satisfaction } from './procurement.codes.ts';

/** What an administration uses: the catalogue of equipment per Member State. */
export const equipmentItem = defineKind({
  name: 'equipment_item',
  label: { en: 'Catalogue entry', fr: 'Entrée du catalogue', de: 'Katalogeintrag' },
  labelPlural: { en: 'Equipment catalogue', fr: 'Catalogue des équipements', de: 'Ausrüstungskatalog' },
  description: {
    en: 'The equipment each administration uses: how many, where, since when and how satisfied it is, per Member State.',
    fr: 'Les équipements utilisés par chaque administration : combien, où, depuis quand et avec quelle satisfaction, par État membre.',
    de: 'Die von jeder Verwaltung eingesetzte Ausrüstung: wie viel, wo, seit wann und wie zufrieden, je Mitgliedstaat.',
  },
  area: 'procurement',
  network: 'procurement',
  codeLists: [controlPurpose, borderType, satisfaction, maintenanceArrangement],
  fields: {
    inventory_ref: {
      type: 'text',
      label: { en: 'Inventory reference', fr: "Référence d'inventaire", de: 'Inventarnummer' },
      required: true,
      maxLength: 100,
    },
    model: {
      type: 'ref',
      kind: 'equipment_model',
      label: { en: 'Model', fr: 'Modèle', de: 'Modell' },
      required: true,
    },
    category: {
      type: 'code',
      codeList: 'control_purpose',
      label: { en: 'Control purpose', fr: 'Finalité du contrôle', de: 'Kontrollzweck' },
      required: true,
    },
    quantity: {
      type: 'number',
      integer: true,
      min: 1,
      max: 100_000,
      label: { en: 'Quantity', fr: 'Quantité', de: 'Anzahl' },
      required: true,
    },
    year_acquired: {
      type: 'number',
      integer: true,
      min: 1950,
      max: 2100,
      label: { en: 'Year acquired', fr: "Année d'acquisition", de: 'Anschaffungsjahr' },
    },
    // The catalogue is per Member State: an entry's country is its owner's (matrix and map agree).
    country: {
      type: 'country',
      label: { en: 'Country', fr: 'Pays', de: 'Land' },
      required: true,
      setBy: 'owner_country',
    },
    border_types: {
      type: 'list',
      of: {
        type: 'code',
        codeList: 'border_type',
        label: { en: 'Border type', fr: 'Type de frontière', de: 'Grenzart' },
      },
      maxItems: 5,
      label: { en: 'Border types', fr: 'Types de frontière', de: 'Grenzarten' },
    },
    sites: {
      type: 'list',
      of: { type: 'location', label: { en: 'Site', fr: 'Site', de: 'Standort' } },
      maxItems: 200,
      label: { en: 'Sites', fr: 'Sites', de: 'Standorte' },
      visibleTo: 'owner',
      help: {
        en: 'Site-level locations are visible to your administration only: coverage gaps are sensitive.',
        fr: 'Les emplacements des sites ne sont visibles que par votre administration : les lacunes de couverture sont sensibles.',
        de: 'Standorte sind nur für Ihre Verwaltung sichtbar: Abdeckungslücken sind sensibel.',
      },
    },
    satisfaction: {
      type: 'code',
      codeList: 'satisfaction',
      label: { en: 'Satisfaction', fr: 'Satisfaction', de: 'Zufriedenheit' },
    },
    maintenance: {
      type: 'code',
      codeList: 'maintenance_arrangement',
      label: { en: 'Maintenance arrangement', fr: 'Modalités de maintenance', de: 'Wartungsregelung' },
    },
    safety_measures: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      label: {
        en: 'Officer safety measures',
        fr: 'Mesures de sécurité des agents',
        de: 'Maßnahmen zum Schutz der Bediensteten',
      },
    },
    notes: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      label: { en: 'Notes', fr: 'Remarques', de: 'Anmerkungen' },
    },
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
    { type: 'list', label: { en: 'Catalogue', fr: 'Catalogue', de: 'Katalog' } },
    {
      type: 'matrix',
      label: {
        en: 'Member State × category',
        fr: 'État membre × catégorie',
        de: 'Mitgliedstaat × Kategorie',
      },
      field: 'category',
      measure: 'sum',
      sumField: 'quantity',
    },
    {
      type: 'map',
      label: { en: 'Coverage map', fr: 'Carte de couverture', de: 'Abdeckungskarte' },
      field: 'country',
      measure: 'sum',
      sumField: 'quantity',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    equipment_item: true;
  }
}
