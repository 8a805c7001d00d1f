import { defineKind } from '../../definition.ts';
import {
  controlPurpose,
  deployment,
  equipmentMetric,
  equipmentTechnology,
  unit,
} from './procurement.codes.ts';
import { specificationRow } from './shared-fields.ts';

/** A make and model of customs control equipment; catalogue entries, tests and tenders refer to it. */
export const equipmentModel = defineKind({
  name: 'equipment_model',
  label: { en: 'Equipment model', fr: "Modèle d'équipement", de: 'Ausrüstungsmodell' },
  labelPlural: { en: 'Equipment models', fr: "Modèles d'équipement", de: 'Ausrüstungsmodelle' },
  description: {
    en: 'Makes and models of customs control equipment, with their specifications: catalogue entries, field tests and tenders refer to them.',
    fr: 'Marques et modèles d’équipements de contrôle douanier, avec leurs spécifications : les entrées du catalogue, les essais sur le terrain et les appels d’offres y renvoient.',
    de: 'Hersteller und Modelle von Zollkontrollausrüstung mit ihren Spezifikationen: Katalogeinträge, Feldtests und Ausschreibungen verweisen auf sie.',
  },
  area: 'procurement',
  network: 'procurement',
  codeLists: [controlPurpose, equipmentTechnology, deployment, equipmentMetric, unit],
  fields: {
    manufacturer: {
      type: 'text',
      label: { en: 'Manufacturer', fr: 'Fabricant', de: 'Hersteller' },
      required: true,
      maxLength: 200,
    },
    model: {
      type: 'text',
      label: { en: 'Model', fr: 'Modèle', de: 'Modell' },
      required: true,
      maxLength: 200,
    },
    category: {
      type: 'code',
      codeList: 'control_purpose',
      label: { en: 'Control purpose', fr: 'Finalité du contrôle', de: 'Kontrollzweck' },
      required: true,
    },
    technology: {
      type: 'code',
      codeList: 'equipment_technology',
      label: { en: 'Technology', fr: 'Technologie', de: 'Technologie' },
      required: true,
    },
    deployment: {
      type: 'code',
      codeList: 'deployment',
      label: { en: 'Deployment', fr: 'Déploiement', de: 'Einsatzform' },
    },
    description: {
      type: 'mltext',
      label: { en: 'Description', fr: 'Description', de: 'Beschreibung' },
      maxLength: 5000,
    },
    specifications: {
      type: 'list',
      of: specificationRow,
      maxItems: 100,
      label: { en: 'Specifications', fr: 'Spécifications', de: 'Spezifikationen' },
    },
    datasheet_url: { type: 'url', label: { en: 'Data sheet', fr: 'Fiche technique', de: 'Datenblatt' } },
  },
  example: (token) => ({
    manufacturer: `Maker ${token}`,
    model: `M-${token}`,
    category: 'nii',
    technology: 'xray_high',
  }),
  titleField: 'model',
  importKey: ['manufacturer', 'model'],
  searchable: ['manufacturer', 'model', 'description'],
  listColumns: ['manufacturer', 'model', 'category', 'technology', 'deployment'],
  filters: ['manufacturer', 'category', 'technology', 'deployment'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [
    { type: 'list', label: { en: 'Models', fr: 'Modèles', de: 'Modelle' } },
    {
      type: 'compare',
      label: { en: 'Compare models', fr: 'Comparer les modèles', de: 'Modelle vergleichen' },
      field: 'specifications',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    equipment_model: true;
  }
}
