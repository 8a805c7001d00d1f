import { defineKind } from '../../definition.ts';
import {
  fundingSource,
  innovationDomain,
  innovationStage,
  innovationTechnology,
  partnerType,
  technologyReadinessLevel,
} from './innovation-initiative.codes.ts';

/**
 * A national innovation initiative in customs (AI-based image recognition, smart seals,
 * non-intrusive inspection, mobile apps …): its domain, technology readiness level (Horizon
 * Europe), the technologies it uses, partners, budget and funding, results and contacts, a short
 * summary in a second language (so that "who else works on this" finds it across languages,
 * src/modules/innovation) and links to the procurement area's equipment models (field tests: see
 * the module README, left for the matrices' one-level references).
 * Documents are attached to the record (every record takes attachments).
 */
export const innovationInitiative = defineKind({
  name: 'innovation_initiative',
  label: { en: 'Innovation initiative', fr: 'Initiative d’innovation', de: 'Innovationsinitiative' },
  labelPlural: {
    en: 'Innovation initiatives',
    fr: 'Initiatives d’innovation',
    de: 'Innovationsinitiativen',
  },
  description: {
    en: 'Innovation initiatives of the customs administrations — AI-based image recognition, smart seals, non-intrusive inspection, mobile apps and more — by domain and technology readiness level, with partners, funding, results and links to equipment models.',
    fr: 'Initiatives d’innovation des administrations douanières — reconnaissance d’images par l’IA, scellés intelligents, inspection non intrusive, applications mobiles et autres — par domaine et niveau de maturité technologique, avec partenaires, financement, résultats et liens vers les modèles d’équipement.',
    de: 'Innovationsinitiativen der Zollverwaltungen — KI-gestützte Bilderkennung, intelligente Plomben, nicht-intrusive Kontrolle, mobile Anwendungen und mehr — nach Bereich und Technologie-Reifegrad, mit Partnern, Finanzierung, Ergebnissen und Verweisen auf Ausrüstungsmodelle.',
  },
  area: 'innovation',
  network: 'innovation',
  codeLists: [
    innovationDomain,
    technologyReadinessLevel,
    innovationStage,
    innovationTechnology,
    fundingSource,
    partnerType,
  ],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    summary: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      required: true,
      label: { en: 'Summary', fr: 'Résumé', de: 'Zusammenfassung' },
      help: {
        en: 'In the language of the record.',
        fr: 'Dans la langue de la fiche.',
        de: 'In der Sprache des Eintrags.',
      },
    },
    second_summary: {
      type: 'mltext',
      maxLength: 1500,
      label: {
        en: 'Short summary in a second language',
        fr: 'Bref résumé dans une deuxième langue',
        de: 'Kurzfassung in einer zweiten Sprache',
      },
      help: {
        en: 'A few sentences in another EU language (English reaches most readers): other administrations find the initiative through it.',
        fr: 'Quelques phrases dans une autre langue de l’UE (l’anglais touche le plus de lecteurs) : les autres administrations trouvent l’initiative grâce à elles.',
        de: 'Einige Sätze in einer anderen EU-Sprache (Englisch erreicht die meisten Leser): andere Verwaltungen finden die Initiative darüber.',
      },
    },
    domain: {
      type: 'code',
      codeList: 'innovation_domain',
      required: true,
      label: { en: 'Domain', fr: 'Domaine', de: 'Bereich' },
    },
    trl: {
      type: 'code',
      codeList: 'technology_readiness_level',
      required: true,
      label: {
        en: 'Technology readiness level',
        fr: 'Niveau de maturité technologique',
        de: 'Technologie-Reifegrad',
      },
      help: {
        en: 'As defined in the Horizon Europe General Annexes (Annex B).',
        fr: 'Tel que défini dans les annexes générales d’Horizon Europe (annexe B).',
        de: 'Wie in den Allgemeinen Anhängen von Horizont Europa (Anhang B) definiert.',
      },
    },
    technologies: {
      type: 'list',
      of: {
        type: 'code',
        codeList: 'innovation_technology',
        label: { en: 'Technology', fr: 'Technologie', de: 'Technologie' },
      },
      maxItems: 15,
      label: { en: 'Technologies', fr: 'Technologies', de: 'Technologien' },
    },
    // Not `status`: that name is the records' workflow status in list queries.
    stage: {
      type: 'code',
      codeList: 'innovation_stage',
      required: true,
      label: { en: 'Status', fr: 'État', de: 'Stand' },
    },
    start_date: { type: 'date', label: { en: 'Start', fr: 'Début', de: 'Beginn' } },
    end_date: { type: 'date', notBefore: 'start_date', label: { en: 'End', fr: 'Fin', de: 'Ende' } },
    partners: {
      type: 'list',
      maxItems: 50,
      label: { en: 'Partners', fr: 'Partenaires', de: 'Partner' },
      of: {
        type: 'object',
        label: { en: 'Partner', fr: 'Partenaire', de: 'Partner' },
        fields: {
          name: {
            type: 'text',
            maxLength: 300,
            required: true,
            label: { en: 'Name', fr: 'Nom', de: 'Name' },
          },
          type: {
            type: 'code',
            codeList: 'innovation_partner_type',
            required: true,
            label: { en: 'Type', fr: 'Type', de: 'Art' },
          },
          country: { type: 'country', label: { en: 'Country', fr: 'Pays', de: 'Land' } },
        },
      },
    },
    budget: { type: 'money', label: { en: 'Budget', fr: 'Budget', de: 'Budget' } },
    funding_source: {
      type: 'code',
      codeList: 'innovation_funding_source',
      label: { en: 'Funding source', fr: 'Source de financement', de: 'Finanzierungsquelle' },
    },
    results: {
      type: 'text',
      multiline: true,
      maxLength: 10_000,
      label: { en: 'Results', fr: 'Résultats', de: 'Ergebnisse' },
    },
    contacts: {
      type: 'list',
      maxItems: 10,
      label: { en: 'Contacts', fr: 'Contacts', de: 'Ansprechpersonen' },
      of: {
        type: 'object',
        label: { en: 'Contact', fr: 'Contact', de: 'Ansprechperson' },
        fields: {
          name: {
            type: 'text',
            maxLength: 200,
            required: true,
            label: { en: 'Name or function', fr: 'Nom ou fonction', de: 'Name oder Funktion' },
          },
          email: {
            type: 'text',
            maxLength: 200,
            pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
            patternHint: {
              en: 'an e-mail address, e.g. innovation@customs.example',
              fr: 'une adresse électronique, p. ex. innovation@douane.example',
              de: 'eine E-Mail-Adresse, z. B. innovation@zoll.example',
            },
            label: { en: 'E-mail', fr: 'Courriel', de: 'E-Mail' },
          },
        },
      },
    },
    equipment_models: {
      type: 'list',
      of: { type: 'ref', kind: 'equipment_model', label: { en: 'Model', fr: 'Modèle', de: 'Modell' } },
      maxItems: 20,
      label: { en: 'Equipment models', fr: 'Modèles d’équipement', de: 'Ausrüstungsmodelle' },
    },
    // An initiative is its administration's: the country is the owner's (matrix and map agree).
    country: {
      type: 'country',
      label: { en: 'Country', fr: 'Pays', de: 'Land' },
      required: true,
      setBy: 'owner_country',
    },
  },
  example: (token) => ({
    title: `Initiative ${token}`,
    summary: 'Automatic detection of cigarettes in X-ray images of containers with a neural network.',
    second_summary: {
      fr: 'Détection automatique de cigarettes dans les images radioscopiques de conteneurs.',
    },
    domain: 'ai_image_recognition',
    trl: 'trl_6',
    technologies: ['xray', 'machine_learning'],
    stage: 'pilot',
    start_date: '2025-01-01',
    end_date: '2026-12-31',
    partners: [{ name: 'Technical University', type: 'research' }],
    budget: { amount: 450_000, currency: 'EUR' },
    funding_source: 'ccei',
    // No reference: a common initiative's example refers to this kind (references one level deep).
  }),
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title', 'summary', 'second_summary', 'results'],
  listColumns: ['title', 'country', 'domain', 'trl', 'stage', 'funding_source'],
  filters: ['domain', 'trl', 'stage', 'technologies', 'funding_source', 'country'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [
    { type: 'list', label: { en: 'Initiatives', fr: 'Initiatives', de: 'Initiativen' } },
    {
      type: 'matrix',
      label: { en: 'Member State × domain', fr: 'État membre × domaine', de: 'Mitgliedstaat × Bereich' },
      field: 'domain',
      measure: 'count',
    },
    {
      type: 'matrix',
      label: {
        en: 'Member State × readiness level',
        fr: 'État membre × niveau de maturité',
        de: 'Mitgliedstaat × Reifegrad',
      },
      field: 'trl',
      measure: 'count',
    },
    {
      type: 'map',
      label: { en: 'EU map', fr: 'Carte de l’UE', de: 'EU-Karte' },
      field: 'country',
      measure: 'count',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    innovation_initiative: true;
  }
}
