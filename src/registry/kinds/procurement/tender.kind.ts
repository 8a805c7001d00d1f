import { defineKind } from '../../definition.ts';
import { controlPurpose, cpv, procedureType, tenderStatus } from './procurement.codes.ts';

/** An upcoming or open tender procedure, shared for joint procurement and alerts. */
export const tender = defineKind({
  name: 'tender',
  label: { en: 'Tender', fr: "Appel d'offres", de: 'Ausschreibung' },
  labelPlural: { en: 'Tenders', fr: "Appels d'offres", de: 'Ausschreibungen' },
  description: {
    en: 'Planned and open tenders for customs control equipment; other administrations may register interest in joint procurement.',
    fr: 'Appels d’offres prévus et ouverts pour des équipements de contrôle douanier ; les autres administrations peuvent manifester leur intérêt pour un achat conjoint.',
    de: 'Geplante und laufende Ausschreibungen für Zollkontrollausrüstung; andere Verwaltungen können Interesse an einer gemeinsamen Beschaffung anmelden.',
  },
  interest: {
    en: 'Register interest in joint procurement',
    fr: 'Manifester un intérêt pour un achat conjoint',
    de: 'Interesse an gemeinsamer Beschaffung anmelden',
  },
  area: 'procurement',
  network: 'procurement',
  // cpv: the equipment-relevant CPV starter list, the reference for `cpv_codes`.
  codeLists: [controlPurpose, procedureType, tenderStatus, cpv],
  fields: {
    reference: {
      type: 'text',
      label: { en: 'Reference', fr: 'Référence', de: 'Aktenzeichen' },
      required: true,
      maxLength: 100,
    },
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    description: {
      type: 'text',
      multiline: true,
      maxLength: 10_000,
      label: { en: 'Description', fr: 'Description', de: 'Beschreibung' },
    },
    cpv_codes: {
      type: 'list',
      maxItems: 20,
      label: { en: 'CPV codes', fr: 'Codes CPV', de: 'CPV-Codes' },
      required: true,
      of: {
        type: 'text',
        label: { en: 'CPV code', fr: 'Code CPV', de: 'CPV-Code' },
        pattern: '^\\d{8}-\\d$',
        patternHint: {
          en: 'eight digits, a hyphen and a check digit, e.g. 38580000-3',
          fr: 'huit chiffres, un tiret et un chiffre de contrôle, p. ex. 38580000-3',
          de: 'acht Ziffern, ein Bindestrich und eine Prüfziffer, z. B. 38580000-3',
        },
      },
    },
    category: {
      type: 'code',
      codeList: 'control_purpose',
      label: { en: 'Equipment category', fr: "Catégorie d'équipement", de: 'Ausrüstungskategorie' },
      required: true,
    },
    models: {
      type: 'list',
      of: { type: 'ref', kind: 'equipment_model', label: { en: 'Model', fr: 'Modèle', de: 'Modell' } },
      maxItems: 20,
      label: { en: 'Models', fr: 'Modèles', de: 'Modelle' },
    },
    estimated_value: {
      type: 'money',
      label: { en: 'Estimated value', fr: 'Valeur estimée', de: 'Geschätzter Wert' },
    },
    procedure_type: {
      type: 'code',
      codeList: 'procedure_type',
      label: { en: 'Procedure type', fr: 'Type de procédure', de: 'Verfahrensart' },
      required: true,
    },
    lots: { type: 'number', integer: true, min: 1, max: 500, label: { en: 'Lots', fr: 'Lots', de: 'Lose' } },
    publication_date: {
      type: 'date',
      label: { en: 'Publication date', fr: 'Date de publication', de: 'Veröffentlichungsdatum' },
    },
    submission_deadline: {
      type: 'date',
      label: { en: 'Submission deadline', fr: 'Date limite de dépôt', de: 'Angebotsfrist' },
    },
    status: {
      type: 'code',
      codeList: 'tender_status',
      label: { en: 'Status', fr: 'Statut', de: 'Status' },
      required: true,
    },
    contact: { type: 'text', label: { en: 'Contact', fr: 'Contact', de: 'Kontakt' }, maxLength: 300 },
    notice_url: {
      type: 'url',
      label: { en: 'Official notice', fr: 'Avis officiel', de: 'Amtliche Bekanntmachung' },
    },
  },
  example: (token) => ({
    reference: `T-${token}`,
    title: `Tender ${token}`,
    cpv_codes: ['38582000-7'],
    category: 'nii',
    procedure_type: 'open',
    status: 'planned',
  }),
  titleField: 'title',
  importKey: ['reference'],
  searchable: ['reference', 'title', 'description'],
  listColumns: ['reference', 'title', 'category', 'procedure_type', 'status', 'submission_deadline'],
  filters: ['category', 'procedure_type', 'status', 'cpv_codes'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Tenders', fr: "Appels d'offres", de: 'Ausschreibungen' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    tender: true;
  }
}
