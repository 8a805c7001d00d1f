import { defineKind } from '../../definition.ts';

/**
 * A discussion in a network: a topic and its opening text, posted by the network's experts and
 * coordinators and published at once; its thread is the record's comments (replies, mentions,
 * following, editing, withdrawing and hiding posts: src/registry/operations/comments.ts and
 * threads.ts). Read by the network's members or as its marking allows; the network page lists them.
 */
export const discussion = defineKind({
  name: 'discussion',
  label: { en: 'Discussion', fr: 'Discussion', de: 'Diskussion' },
  labelPlural: { en: 'Discussions', fr: 'Discussions', de: 'Diskussionen' },
  description: {
    en: 'A topic opened in a network by its experts and coordinators, discussed in replies by those who may read it; coordinators may hide a post with a reason.',
    fr: 'Un sujet ouvert dans un réseau par ses experts et coordinateurs, discuté en réponses par ceux qui peuvent le lire ; les coordinateurs peuvent masquer une contribution avec un motif.',
    de: 'Ein Thema, das Sachverständige und Koordinatoren in einem Netzwerk eröffnen und das alle, die es lesen dürfen, in Antworten diskutieren; Koordinatoren können einen Beitrag mit Begründung ausblenden.',
  },
  area: 'communication',
  network: 'communication',
  networkField: 'network',
  codeLists: [],
  fields: {
    topic: {
      type: 'text',
      label: { en: 'Topic', fr: 'Sujet', de: 'Thema' },
      required: true,
      minLength: 3,
      maxLength: 200,
    },
    body: {
      type: 'text',
      label: { en: 'Opening text', fr: 'Texte d’ouverture', de: 'Eröffnungstext' },
      required: true,
      minLength: 1,
      multiline: true,
      maxLength: 20_000,
    },
    network: { type: 'network', label: { en: 'Network', fr: 'Réseau', de: 'Netzwerk' }, required: true },
  },
  example: (token) => ({
    topic: `Discussion ${token}`,
    body: 'A question opened for a test.',
    network: 'risk-management',
  }),
  titleField: 'topic',
  importKey: [],
  searchable: ['topic', 'body'],
  listColumns: ['topic', 'network'],
  filters: ['network'],
  access: { distribution: 'network', tlp: 'amber', createdBy: { network: true } },
  workflow: { fourEyes: false, publishAtCreation: true },
  views: [{ type: 'list', label: { en: 'Discussions', fr: 'Discussions', de: 'Diskussionen' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    discussion: true;
  }
}
