import { defineKind } from '../../definition.ts';
import { messageType } from './message.codes.ts';

/**
 * A coordinated message (press line, lines-to-take, joint statement, internal note), written in its
 * original language (the record's language) with an embargo: a moment in UTC and the organiser's
 * IANA time zone. Its audience is the record's distribution (network, all members, sharing group,
 * named organisations, or public under TLP:CLEAR). Language versions, each with its translator and
 * reviewer, are kept by src/modules/messages (`message_versions`). Until the record is published and
 * the embargo has passed, only the owning administration, co-editors, translators and reviewers read
 * it (`embargoField`, decided by the policy); the task `messages.release` then publishes every
 * approved version at once.
 */
export const message = defineKind({
  name: 'message',
  label: { en: 'Coordinated message', fr: 'Message coordonné', de: 'Abgestimmte Nachricht' },
  labelPlural: { en: 'Coordinated messages', fr: 'Messages coordonnés', de: 'Abgestimmte Nachrichten' },
  description: {
    en: 'Press lines, lines-to-take, joint statements and internal notes, translated and reviewed per language, released in every approved language at once at the embargo time.',
    fr: 'Éléments de langage pour la presse, éléments de langage, déclarations communes et notes internes, traduits et relus par langue, diffusés dans toutes les langues approuvées à la fois à l’heure d’embargo.',
    de: 'Presselinien, Sprachregelungen, gemeinsame Erklärungen und interne Vermerke, je Sprache übersetzt und geprüft, zur Sperrfrist in allen freigegebenen Sprachen zugleich veröffentlicht.',
  },
  area: 'communication',
  network: 'communication',
  codeLists: [messageType],
  embargoField: 'embargo_at',
  fields: {
    type: {
      type: 'code',
      codeList: 'message_type',
      label: { en: 'Type', fr: 'Type', de: 'Art' },
      required: true,
    },
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    body: {
      type: 'text',
      multiline: true,
      maxLength: 20_000,
      label: { en: 'Text', fr: 'Texte', de: 'Text' },
      help: {
        en: 'In the original language (the record’s language); translators add the other languages.',
        fr: 'Dans la langue d’origine (celle de la fiche) ; les traducteurs ajoutent les autres langues.',
        de: 'In der Originalsprache (der Sprache des Eintrags); Übersetzende fügen die anderen Sprachen hinzu.',
      },
      required: true,
    },
    embargo_at: {
      type: 'datetime',
      label: { en: 'Embargo until', fr: 'Sous embargo jusqu’à', de: 'Sperrfrist bis' },
      help: {
        en: 'Until this moment only the authors, translators and reviewers read the message; then every approved language version is released at once.',
        fr: 'Jusqu’à ce moment, seuls les auteurs, traducteurs et relecteurs lisent le message ; ensuite toutes les versions linguistiques approuvées sont diffusées à la fois.',
        de: 'Bis zu diesem Zeitpunkt lesen nur Verfassende, Übersetzende und Prüfende die Nachricht; dann werden alle freigegebenen Sprachfassungen zugleich veröffentlicht.',
      },
      required: true,
    },
    time_zone: {
      type: 'timezone',
      label: {
        en: 'Organiser’s time zone',
        fr: 'Fuseau horaire de l’organisateur',
        de: 'Zeitzone der Einladenden',
      },
      help: {
        en: 'The time zone the embargo is planned in (e.g. Europe/Brussels).',
        fr: 'Le fuseau horaire dans lequel l’embargo est prévu (p. ex. Europe/Brussels).',
        de: 'Die Zeitzone, in der die Sperrfrist geplant ist (z. B. Europe/Brussels).',
      },
      required: true,
    },
  },
  // An embargo in the past: the matrices read the example as any released record.
  example: (token) => ({
    type: 'lines_to_take',
    title: `Message ${token}`,
    body: 'Lines to take written for a test.',
    embargo_at: '2026-01-05T09:00:00Z',
    time_zone: 'Europe/Brussels',
  }),
  titleField: 'title',
  importKey: [],
  searchable: ['title', 'body'],
  listColumns: ['title', 'type', 'embargo_at'],
  filters: ['type'],
  access: { distribution: 'network', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Messages', fr: 'Messages', de: 'Nachrichten' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    message: true;
  }
}
