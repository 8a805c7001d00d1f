import { defineKind } from '../../definition.ts';
import { meetingBody } from './meeting.codes.ts';

const weekAhead = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/**
 * A meeting of a EUCAB body (Steering Committee, Management Board, a unit or a network): when
 * (moments in UTC, with the organiser's IANA time zone in which the invitation and the ICS feed
 * write them), where, the agenda, participants, minutes and decisions. Documents are the record's
 * attachments; who may read it is its distribution like any record. Action points are records of
 * their own (`action_point`) referring to it; RSVPs are kept per person by src/modules/meetings.
 */
export const meeting = defineKind({
  name: 'meeting',
  label: { en: 'Meeting', fr: 'Réunion', de: 'Sitzung' },
  labelPlural: { en: 'Meetings', fr: 'Réunions', de: 'Sitzungen' },
  description: {
    en: 'Meetings of the Steering Committee, the Management Board, the units and the networks: agenda, participants, minutes and decisions, with their documents attached and their action points.',
    fr: 'Réunions du comité de pilotage, du conseil de direction, des unités et des réseaux : ordre du jour, participants, procès-verbal et décisions, avec leurs documents joints et leurs actions.',
    de: 'Sitzungen des Lenkungsausschusses, des Verwaltungsrats, der Referate und der Netzwerke: Tagesordnung, Teilnehmende, Protokoll und Beschlüsse, mit den angehängten Unterlagen und den Maßnahmen.',
  },
  area: 'communication',
  network: 'communication',
  codeLists: [meetingBody],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    body: {
      type: 'code',
      codeList: 'meeting_body',
      label: { en: 'Body', fr: 'Instance', de: 'Gremium' },
      required: true,
    },
    starts_at: {
      type: 'datetime',
      label: { en: 'Starts', fr: 'Début', de: 'Beginn' },
      required: true,
    },
    ends_at: {
      type: 'datetime',
      notBefore: 'starts_at',
      label: { en: 'Ends', fr: 'Fin', de: 'Ende' },
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
        en: 'The time zone the meeting is planned in (e.g. Europe/Brussels): calendar files write the times in it.',
        fr: 'Le fuseau horaire dans lequel la réunion est prévue (p. ex. Europe/Brussels) : les fichiers de calendrier y expriment les heures.',
        de: 'Die Zeitzone, in der die Sitzung geplant ist (z. B. Europe/Brussels): Kalenderdateien geben die Zeiten darin an.',
      },
      required: true,
    },
    location: {
      type: 'text',
      maxLength: 300,
      label: { en: 'Location', fr: 'Lieu', de: 'Ort' },
    },
    online_link: {
      type: 'url',
      label: { en: 'Online meeting link', fr: 'Lien de la réunion en ligne', de: 'Link zur Online-Sitzung' },
    },
    agenda: {
      type: 'text',
      multiline: true,
      maxLength: 20_000,
      label: { en: 'Agenda', fr: 'Ordre du jour', de: 'Tagesordnung' },
    },
    participants: {
      type: 'list',
      of: { type: 'user', label: { en: 'Participant', fr: 'Participant', de: 'Teilnehmende Person' } },
      maxItems: 300,
      label: { en: 'Participants', fr: 'Participants', de: 'Teilnehmende' },
    },
    minutes: {
      type: 'text',
      multiline: true,
      maxLength: 50_000,
      label: { en: 'Minutes', fr: 'Procès-verbal', de: 'Protokoll' },
    },
    decisions: {
      type: 'list',
      of: {
        type: 'text',
        maxLength: 2000,
        label: { en: 'Decision', fr: 'Décision', de: 'Beschluss' },
      },
      maxItems: 100,
      label: { en: 'Decisions', fr: 'Décisions', de: 'Beschlüsse' },
    },
  },
  // A week ahead, so that the example meets the calendar and its feed (the access matrices read them).
  example: (token) => ({
    title: `Meeting ${token}`,
    body: 'management_board',
    starts_at: `${weekAhead()}T08:30:00Z`,
    ends_at: `${weekAhead()}T12:00:00Z`,
    time_zone: 'Europe/Brussels',
    location: 'Brussels, room 2.14',
    agenda: '1. Adoption of the agenda\n2. Work programme\n3. Any other business',
    decisions: ['The agenda is adopted.'],
  }),
  titleField: 'title',
  importKey: ['title', 'starts_at'],
  searchable: ['title', 'agenda', 'minutes', 'location'],
  listColumns: ['title', 'body', 'starts_at', 'location'],
  filters: ['body'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Meetings', fr: 'Réunions', de: 'Sitzungen' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    meeting: true;
  }
}
