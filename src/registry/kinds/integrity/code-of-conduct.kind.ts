import { defineKind } from '../../definition.ts';
import { conductDocumentType } from './code-of-conduct.codes.ts';
import { arushaFactor } from './integrity-initiative.codes.ts';

/**
 * An administration's code of conduct, code of ethics, guidance or best practice, linked to the
 * Arusha key factors it addresses. Its file is the record's attachment (a new file is a new
 * version); the same text in another language is a record of its own naming the original
 * (`language_version_of`), in its own language — as documents do. The compare view puts the codes
 * of several administrations side by side (filtered by key factor and country), through the policy.
 */
export const codeOfConduct = defineKind({
  name: 'code_of_conduct',
  label: {
    en: 'Code of conduct or best practice',
    fr: 'Code de conduite ou bonne pratique',
    de: 'Verhaltenskodex oder bewährte Praxis',
  },
  labelPlural: {
    en: 'Codes of conduct and best practices',
    fr: 'Codes de conduite et bonnes pratiques',
    de: 'Verhaltenskodizes und bewährte Praktiken',
  },
  description: {
    en: 'The codes of conduct, codes of ethics, guidance and best practices of the administrations, in their language versions, by Arusha key factor — comparable side by side.',
    fr: 'Les codes de conduite, codes de déontologie, documents d’orientation et bonnes pratiques des administrations, dans leurs versions linguistiques, par facteur clé d’Arusha — comparables côte à côte.',
    de: 'Die Verhaltenskodizes, Ethikkodizes, Leitfäden und bewährten Praktiken der Verwaltungen in ihren Sprachfassungen, nach Arusha-Schlüsselfaktor — nebeneinander vergleichbar.',
  },
  area: 'resilience',
  network: 'resilience-integrity',
  codeLists: [conductDocumentType, arushaFactor],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    doc_type: {
      type: 'code',
      codeList: 'conduct_document_type',
      label: { en: 'Type', fr: 'Type', de: 'Art' },
      required: true,
    },
    factors: {
      type: 'list',
      of: {
        type: 'code',
        codeList: 'arusha_factor',
        label: { en: 'Key factor', fr: 'Facteur clé', de: 'Schlüsselfaktor' },
      },
      maxItems: 10,
      required: true,
      label: { en: 'Arusha key factors', fr: 'Facteurs clés d’Arusha', de: 'Arusha-Schlüsselfaktoren' },
    },
    adopted: { type: 'date', label: { en: 'Adopted', fr: 'Adopté le', de: 'Angenommen am' } },
    applies_to: {
      type: 'text',
      maxLength: 300,
      label: { en: 'Applies to', fr: 'S’applique à', de: 'Gilt für' },
      help: {
        en: 'Who it binds, e.g. “all customs staff” or “officers at border crossing points”.',
        fr: 'Qui il engage, p. ex. « tout le personnel des douanes » ou « agents aux points de passage frontaliers ».',
        de: 'Für wen es gilt, z. B. „alle Zollbediensteten“ oder „Bedienstete an Grenzübergangsstellen“.',
      },
    },
    summary: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      label: { en: 'Summary', fr: 'Résumé', de: 'Zusammenfassung' },
      required: true,
    },
    link: {
      type: 'url',
      label: { en: 'Published at', fr: 'Publié à l’adresse', de: 'Veröffentlicht unter' },
    },
    language_version_of: {
      type: 'ref',
      kind: 'code_of_conduct',
      label: { en: 'Language version of', fr: 'Version linguistique de', de: 'Sprachfassung von' },
      help: {
        en: 'For the same text in another language: the original. The record’s language says which language this version is in; its file is attached to it.',
        fr: 'Pour le même texte dans une autre langue : l’original. La langue de la fiche indique la langue de cette version ; son fichier y est joint.',
        de: 'Für denselben Text in einer anderen Sprache: das Original. Die Sprache des Eintrags gibt die Sprache dieser Fassung an; ihre Datei wird angehängt.',
      },
    },
    country: {
      type: 'country',
      label: { en: 'Country', fr: 'Pays', de: 'Land' },
      required: true,
      setBy: 'owner_country',
    },
  },
  example: (token) => ({
    title: `Code of conduct ${token}`,
    doc_type: 'code_of_conduct',
    factors: ['code_of_conduct', 'private_sector'],
    adopted: '2024-03-01',
    applies_to: 'All customs staff',
    summary: 'Gifts and hospitality, conflicts of interest, declaration of assets, reporting of misconduct.',
  }),
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title', 'summary', 'applies_to'],
  listColumns: ['title', 'country', 'doc_type', 'factors', 'adopted'],
  filters: ['doc_type', 'factors', 'country'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [
    {
      type: 'list',
      label: {
        en: 'Codes and best practices',
        fr: 'Codes et bonnes pratiques',
        de: 'Kodizes und bewährte Praktiken',
      },
    },
    {
      type: 'compare',
      label: {
        en: 'Compare side by side',
        fr: 'Comparer côte à côte',
        de: 'Nebeneinander vergleichen',
      },
    },
    {
      type: 'matrix',
      label: {
        en: 'Member State × key factor',
        fr: 'État membre × facteur clé',
        de: 'Mitgliedstaat × Schlüsselfaktor',
      },
      field: 'factors',
      measure: 'count',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    code_of_conduct: true;
  }
}
