import { defineKind } from '../../definition.ts';
import { documentLibrary, documentType } from './document.codes.ts';

/**
 * A document of a library (a network's, an EUCAB body's, or all of EUCAB's), in a folder. Its file
 * is the record's attachment: a new file is a new version and the earlier ones stay downloadable
 * (the attachments in upload order); the text of PDF, DOCX and ODT files is searchable. The same
 * document in another language is a record of its own that names the original
 * (`language_version_of`) in its own language. Access, search, export, history, comments and audit
 * are the registry's, through the policy: one mechanism for every record.
 */
export const document = defineKind({
  name: 'document',
  label: { en: 'Document', fr: 'Document', de: 'Dokument' },
  labelPlural: { en: 'Documents', fr: 'Documents', de: 'Dokumente' },
  description: {
    en: 'The document libraries of the networks and EUCAB bodies: folders, file versions and language versions, searchable by the words inside PDF, Word and OpenDocument files.',
    fr: 'Les bibliothèques de documents des réseaux et des organes de l’EUCAB : dossiers, versions des fichiers et versions linguistiques, avec recherche dans le texte des fichiers PDF, Word et OpenDocument.',
    de: 'Die Dokumentenbibliotheken der Netzwerke und EUCAB-Gremien: Ordner, Dateiversionen und Sprachfassungen, durchsuchbar nach den Wörtern in PDF-, Word- und OpenDocument-Dateien.',
  },
  area: 'communication',
  network: 'communication',
  codeLists: [documentLibrary, documentType],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    library: {
      type: 'code',
      codeList: 'document_library',
      label: { en: 'Library', fr: 'Bibliothèque', de: 'Bibliothek' },
      required: true,
      help: {
        en: 'The network or EUCAB body whose library holds the document. Who may read it is set by its distribution (share it with the network for a network’s library).',
        fr: 'Le réseau ou l’organe de l’EUCAB dont la bibliothèque contient le document. Qui peut le lire dépend de sa diffusion (partagez-le avec le réseau pour la bibliothèque d’un réseau).',
        de: 'Das Netzwerk oder EUCAB-Gremium, in dessen Bibliothek das Dokument liegt. Wer es lesen darf, bestimmt seine Verteilung (für die Bibliothek eines Netzwerks mit dem Netzwerk teilen).',
      },
    },
    folder: {
      type: 'text',
      maxLength: 200,
      label: { en: 'Folder', fr: 'Dossier', de: 'Ordner' },
      help: {
        en: 'Folders separated by “/”, e.g. “Meetings/2026”; empty for the top of the library.',
        fr: 'Dossiers séparés par « / », p. ex. « Réunions/2026 » ; vide pour la racine de la bibliothèque.',
        de: 'Ordner durch „/“ getrennt, z. B. „Sitzungen/2026“; leer für die oberste Ebene der Bibliothek.',
      },
    },
    doc_type: {
      type: 'code',
      codeList: 'document_type',
      label: { en: 'Type', fr: 'Type', de: 'Art' },
      required: true,
    },
    doc_date: { type: 'date', label: { en: 'Date', fr: 'Date', de: 'Datum' } },
    summary: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      label: { en: 'Summary', fr: 'Résumé', de: 'Zusammenfassung' },
    },
    language_version_of: {
      type: 'ref',
      kind: 'document',
      label: { en: 'Language version of', fr: 'Version linguistique de', de: 'Sprachfassung von' },
      help: {
        en: 'For the same document in another language: the original. The record’s language says which language this version is in.',
        fr: 'Pour le même document dans une autre langue : l’original. La langue de la fiche indique la langue de cette version.',
        de: 'Für dasselbe Dokument in einer anderen Sprache: das Original. Die Sprache des Eintrags gibt die Sprache dieser Fassung an.',
      },
    },
  },
  example: (token) => ({
    title: `Document ${token}`,
    library: 'communication',
    folder: 'Guidance',
    doc_type: 'guidance',
    doc_date: '2026-03-01',
    summary: 'Lines to take on the new import control system.',
  }),
  titleField: 'title',
  importKey: ['library', 'folder', 'title'],
  searchable: ['title', 'summary', 'folder'],
  listColumns: ['title', 'library', 'folder', 'doc_type', 'doc_date'],
  filters: ['library', 'folder', 'doc_type'],
  access: { distribution: 'network', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Documents', fr: 'Documents', de: 'Dokumente' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    document: true;
  }
}
