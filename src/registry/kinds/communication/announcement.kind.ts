import { defineKind } from '../../definition.ts';

/**
 * A network announcement: posted in one network by its experts and coordinators, published at
 * once (no four-eyes step), read by whom its distribution and marking allow; the network's
 * members (and those of the network it is distributed to) are notified. Retracted with a reason.
 */
export const announcement = defineKind({
  name: 'announcement',
  label: { en: 'Announcement', fr: 'Annonce', de: 'Mitteilung' },
  labelPlural: { en: 'Announcements', fr: 'Annonces', de: 'Mitteilungen' },
  description: {
    en: 'News posted in a network by its experts and coordinators — published at once, read by the network’s members or as its marking allows, retracted with a reason.',
    fr: 'Informations publiées dans un réseau par ses experts et coordinateurs — publiées aussitôt, lues par les membres du réseau ou selon leur marquage, retirées avec un motif.',
    de: 'Mitteilungen, die Sachverständige und Koordinatoren in einem Netzwerk veröffentlichen — sofort veröffentlicht, von den Mitgliedern des Netzwerks oder gemäß ihrer Kennzeichnung gelesen, mit Begründung zurückgezogen.',
  },
  area: 'communication',
  network: 'communication',
  networkField: 'network',
  codeLists: [],
  fields: {
    title: {
      type: 'text',
      label: { en: 'Title', fr: 'Titre', de: 'Titel' },
      required: true,
      minLength: 3,
      maxLength: 200,
    },
    body: {
      type: 'text',
      label: { en: 'Text', fr: 'Texte', de: 'Text' },
      required: true,
      minLength: 1,
      multiline: true,
      maxLength: 20_000,
    },
    network: { type: 'network', label: { en: 'Network', fr: 'Réseau', de: 'Netzwerk' }, required: true },
  },
  example: (token) => ({
    title: `Announcement ${token}`,
    body: 'An announcement written for a test.',
    network: 'risk-management',
  }),
  titleField: 'title',
  importKey: [],
  searchable: ['title', 'body'],
  listColumns: ['title', 'network'],
  filters: ['network'],
  access: { distribution: 'network', tlp: 'amber', createdBy: { network: true } },
  workflow: { fourEyes: false, publishAtCreation: true },
  views: [{ type: 'list', label: { en: 'Announcements', fr: 'Annonces', de: 'Mitteilungen' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    announcement: true;
  }
}
