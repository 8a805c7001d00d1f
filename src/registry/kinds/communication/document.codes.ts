import { defineCodeList } from '../../../contract/code-list-definition.ts';
import { EUCAB_BODIES } from './eucab-bodies.ts';

/**
 * The document libraries: one per EUCAB network (the codes are the networks' codes) and per EUCAB
 * body, and one for all of EUCAB. A library groups documents; who reads a document is decided by
 * its distribution and marking like any record (a network's library is usually distributed to the
 * network).
 */
export const documentLibrary = defineCodeList({
  name: 'document_library',
  label: { en: 'Document library', fr: 'Bibliothèque de documents', de: 'Dokumentenbibliothek' },
  codes: [
    {
      code: 'eucab',
      labels: { en: 'EUCAB (all members)', fr: 'EUCAB (tous les membres)', de: 'EUCAB (alle Mitglieder)' },
      meta: { body: 'all' },
    },
    // The governing bodies and the Support unit by their organisation's code, the networks by theirs.
    ...EUCAB_BODIES.filter((b) => b.network || (b.organisation && !b.unit)).map((b) =>
      b.network
        ? { code: b.network, labels: b.labels, meta: { network: b.network } }
        : { code: b.organisation!, labels: b.labels, meta: { body: b.organisation } },
    ),
  ],
});

export const documentType = defineCodeList({
  name: 'document_type',
  label: { en: 'Type of document', fr: 'Type de document', de: 'Art des Dokuments' },
  codes: [
    { code: 'agenda', labels: { en: 'Agenda', fr: 'Ordre du jour', de: 'Tagesordnung' } },
    { code: 'minutes', labels: { en: 'Minutes', fr: 'Procès-verbal', de: 'Protokoll' } },
    { code: 'report', labels: { en: 'Report', fr: 'Rapport', de: 'Bericht' } },
    { code: 'guidance', labels: { en: 'Guidance', fr: 'Orientations', de: 'Leitfaden' } },
    { code: 'presentation', labels: { en: 'Presentation', fr: 'Présentation', de: 'Präsentation' } },
    { code: 'template', labels: { en: 'Template', fr: 'Modèle', de: 'Vorlage' } },
    { code: 'other', labels: { en: 'Other', fr: 'Autre', de: 'Sonstiges' } },
  ],
});
