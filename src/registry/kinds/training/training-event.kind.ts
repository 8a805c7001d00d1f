import { defineKind } from '../../definition.ts';

/**
 * A specialised training event: a course given on given dates, at a place (a facility) or online,
 * by trainers, with a number of seats and seat quotas per administration. Registration (NCPs
 * nominate, a waiting list, the release of unused seats on the release date) is kept by
 * src/modules/training; the event appears on the platform calendar and as an ICS file.
 */
export const trainingEvent = defineKind({
  name: 'training_event',
  label: { en: 'Training event', fr: 'Session de formation', de: 'Schulungsveranstaltung' },
  labelPlural: { en: 'Training events', fr: 'Sessions de formation', de: 'Schulungsveranstaltungen' },
  description: {
    en: 'Specialised training events: course, dates, place or online, trainers and seats, with quotas per administration, nominations and a waiting list.',
    fr: 'Sessions de formation spécialisée : formation, dates, lieu ou en ligne, formateurs et places, avec des quotas par administration, des candidatures et une liste d’attente.',
    de: 'Spezialisierte Schulungsveranstaltungen: Lehrgang, Termine, Ort oder online, Trainer/innen und Plätze, mit Kontingenten je Verwaltung, Nominierungen und Warteliste.',
  },
  area: 'training',
  network: 'training',
  codeLists: [],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    course: {
      type: 'ref',
      kind: 'training_course',
      required: true,
      label: { en: 'Course', fr: 'Formation', de: 'Lehrgang' },
    },
    starts_on: {
      type: 'date',
      required: true,
      label: { en: 'First day', fr: 'Premier jour', de: 'Erster Tag' },
    },
    ends_on: {
      type: 'date',
      required: true,
      notBefore: 'starts_on',
      label: { en: 'Last day', fr: 'Dernier jour', de: 'Letzter Tag' },
    },
    place: {
      type: 'text',
      maxLength: 300,
      requiredUnless: 'online_link',
      label: { en: 'Place', fr: 'Lieu', de: 'Ort' },
    },
    online_link: {
      type: 'url',
      label: { en: 'Online link', fr: 'Lien en ligne', de: 'Online-Link' },
    },
    facility: {
      type: 'ref',
      kind: 'training_facility',
      label: { en: 'Facility', fr: 'Centre de formation', de: 'Schulungseinrichtung' },
    },
    trainers: {
      type: 'list',
      of: { type: 'ref', kind: 'trainer', label: { en: 'Trainer', fr: 'Formateur', de: 'Trainer/in' } },
      maxItems: 20,
      label: { en: 'Trainers', fr: 'Formateurs', de: 'Trainer/innen' },
    },
    seats_total: {
      type: 'number',
      integer: true,
      min: 1,
      max: 10_000,
      required: true,
      label: { en: 'Seats', fr: 'Places', de: 'Plätze' },
    },
    release_date: {
      type: 'date',
      required: true,
      label: {
        en: 'Release date of unused seats',
        fr: 'Date de libération des places inutilisées',
        de: 'Freigabedatum ungenutzter Plätze',
      },
      help: {
        en: 'On this day the seats an administration left unused go, one by one, to administrations with nominees on the waiting list: the one with the fewest seats first, then by nomination time.',
        fr: 'Ce jour-là, les places laissées inutilisées par une administration sont attribuées une à une aux administrations ayant des candidats en liste d’attente : d’abord celle qui a le moins de places, puis par ordre de candidature.',
        de: 'An diesem Tag gehen die Plätze, die eine Verwaltung nicht genutzt hat, einzeln an Verwaltungen mit Nominierten auf der Warteliste: zuerst an die mit den wenigsten Plätzen, dann nach Zeitpunkt der Nominierung.',
      },
    },
    quotas: {
      type: 'list',
      maxItems: 40,
      label: { en: 'Seat quotas', fr: 'Quotas de places', de: 'Platzkontingente' },
      of: {
        type: 'object',
        label: { en: 'Quota', fr: 'Quota', de: 'Kontingent' },
        fields: {
          organisation: {
            type: 'organisation',
            required: true,
            label: { en: 'Administration', fr: 'Administration', de: 'Verwaltung' },
          },
          seats: {
            type: 'number',
            integer: true,
            min: 0,
            max: 10_000,
            required: true,
            label: { en: 'Seats', fr: 'Places', de: 'Plätze' },
          },
        },
      },
    },
  },
  example: (token, ref) => ({
    title: `Event ${token}`,
    course: ref('training_course'),
    starts_on: '2027-03-08',
    ends_on: '2027-03-10',
    place: 'Utrecht',
    facility: ref('training_facility'),
    seats_total: 12,
    release_date: '2027-02-15',
  }),
  titleField: 'title',
  importKey: ['title', 'starts_on'],
  searchable: ['title', 'place'],
  listColumns: ['title', 'starts_on', 'ends_on', 'place', 'seats_total'],
  filters: ['course'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Events', fr: 'Sessions', de: 'Veranstaltungen' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    training_event: true;
  }
}
