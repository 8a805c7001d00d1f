import { defineCodeList } from '../../../contract/code-list-definition.ts';

/** What a code-of-conduct record is (`code_of_conduct.doc_type`). */
export const conductDocumentType = defineCodeList({
  name: 'conduct_document_type',
  label: { en: 'Type of document', fr: 'Type de document', de: 'Art des Dokuments' },
  codes: [
    {
      code: 'code_of_conduct',
      labels: { en: 'Code of conduct', fr: 'Code de conduite', de: 'Verhaltenskodex' },
    },
    {
      code: 'code_of_ethics',
      labels: { en: 'Code of ethics', fr: 'Code de déontologie', de: 'Ethikkodex' },
    },
    {
      code: 'guidance',
      labels: { en: 'Guidance', fr: 'Document d’orientation', de: 'Leitfaden' },
    },
    {
      code: 'best_practice',
      labels: { en: 'Best practice', fr: 'Bonne pratique', de: 'Bewährte Praxis' },
    },
  ],
});
