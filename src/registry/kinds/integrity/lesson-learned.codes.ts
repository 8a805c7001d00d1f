import { defineCodeList } from '../../../contract/code-list-definition.ts';

/** The kinds of real event a lesson is learned from (`lesson_learned.event_type`). */
export const lessonEventType = defineCodeList({
  name: 'lesson_event_type',
  label: { en: 'Type of event', fr: 'Type d’événement', de: 'Art des Ereignisses' },
  codes: [
    { code: 'pandemic', labels: { en: 'Pandemic', fr: 'Pandémie', de: 'Pandemie' } },
    {
      code: 'sanctions_enforcement',
      labels: {
        en: 'Sanctions enforcement',
        fr: 'Application des sanctions',
        de: 'Durchsetzung von Sanktionen',
      },
    },
    {
      code: 'migration_pressure',
      labels: { en: 'Migration pressure', fr: 'Pression migratoire', de: 'Migrationsdruck' },
    },
    {
      code: 'cyber_incident',
      labels: { en: 'Cyber incident', fr: 'Incident cyber', de: 'Cybervorfall' },
    },
    {
      code: 'natural_disaster',
      labels: { en: 'Natural disaster', fr: 'Catastrophe naturelle', de: 'Naturkatastrophe' },
    },
    {
      code: 'armed_conflict',
      labels: { en: 'Armed conflict', fr: 'Conflit armé', de: 'Bewaffneter Konflikt' },
    },
    {
      code: 'major_seizure',
      labels: { en: 'Major seizure', fr: 'Saisie majeure', de: 'Großsicherstellung' },
    },
    { code: 'other', labels: { en: 'Other', fr: 'Autre', de: 'Sonstiges' } },
  ],
});
