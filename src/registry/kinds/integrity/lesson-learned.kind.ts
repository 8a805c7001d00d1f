import { defineKind } from '../../definition.ts';
import { arushaFactor } from './integrity-initiative.codes.ts';
import { lessonEventType } from './lesson-learned.codes.ts';

/**
 * A lesson learned from a real event (a pandemic, sanctions enforcement, a cyber incident …): what
 * happened, what worked, what did not and the recommendation. Its follow-up actions are action
 * points that name the lesson (`action_point.lesson`): their owners are reminded when they fall
 * due and when they are overdue by the action-point reminder task (src/modules/meetings), the same
 * mechanism as a meeting's. Kept in the integrity network at TLP:AMBER; the form warns against
 * naming individual officers.
 */
export const lessonLearned = defineKind({
  name: 'lesson_learned',
  label: { en: 'Lesson learned', fr: 'Enseignement tiré', de: 'Erkenntnis' },
  labelPlural: { en: 'Lessons learned', fr: 'Enseignements tirés', de: 'Erkenntnisse' },
  description: {
    en: 'Lessons learned from real events — what happened, what worked, what did not and what is recommended — with their follow-up actions.',
    fr: 'Enseignements tirés d’événements réels — ce qui s’est passé, ce qui a fonctionné, ce qui n’a pas fonctionné et ce qui est recommandé — avec leurs actions de suivi.',
    de: 'Erkenntnisse aus realen Ereignissen — was geschah, was funktionierte, was nicht und was empfohlen wird — mit ihren Folgemaßnahmen.',
  },
  formHint: {
    en: 'Describe roles and units, never individual officers: do not name or otherwise identify a person in this record.',
    fr: 'Décrivez des fonctions et des services, jamais des agents : ne nommez ni n’identifiez aucune personne dans cette fiche.',
    de: 'Beschreiben Sie Funktionen und Dienststellen, nie einzelne Bedienstete: Nennen oder identifizieren Sie in diesem Eintrag keine Person.',
  },
  area: 'resilience',
  network: 'resilience-integrity',
  codeLists: [lessonEventType, arushaFactor],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    event_type: {
      type: 'code',
      codeList: 'lesson_event_type',
      label: { en: 'Type of event', fr: 'Type d’événement', de: 'Art des Ereignisses' },
      required: true,
    },
    event_date: {
      type: 'date',
      label: { en: 'When it happened', fr: 'Date de l’événement', de: 'Zeitpunkt des Ereignisses' },
      required: true,
    },
    what_happened: {
      type: 'text',
      multiline: true,
      maxLength: 10_000,
      label: { en: 'What happened', fr: 'Ce qui s’est passé', de: 'Was geschah' },
      required: true,
    },
    what_worked: {
      type: 'text',
      multiline: true,
      maxLength: 10_000,
      label: { en: 'What worked', fr: 'Ce qui a fonctionné', de: 'Was funktionierte' },
    },
    what_did_not: {
      type: 'text',
      multiline: true,
      maxLength: 10_000,
      label: { en: 'What did not work', fr: 'Ce qui n’a pas fonctionné', de: 'Was nicht funktionierte' },
    },
    recommendation: {
      type: 'text',
      multiline: true,
      maxLength: 10_000,
      label: { en: 'Recommendation', fr: 'Recommandation', de: 'Empfehlung' },
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
      label: { en: 'Arusha key factors', fr: 'Facteurs clés d’Arusha', de: 'Arusha-Schlüsselfaktoren' },
    },
    country: {
      type: 'country',
      label: { en: 'Country', fr: 'Pays', de: 'Land' },
      required: true,
      setBy: 'owner_country',
    },
  },
  example: (token) => ({
    title: `Lesson ${token}`,
    event_type: 'cyber_incident',
    event_date: '2025-06-12',
    what_happened: 'The declaration system was unavailable for 30 hours after a ransomware attack.',
    what_worked: 'The paper fallback procedure agreed with the traders’ associations.',
    what_did_not: 'Guarantees could not be checked at the border offices.',
    recommendation: 'Keep an offline copy of the guarantee register at every border office.',
    factors: ['automation'],
  }),
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title', 'what_happened', 'what_worked', 'what_did_not', 'recommendation'],
  listColumns: ['title', 'country', 'event_type', 'event_date'],
  filters: ['event_type', 'factors', 'country'],
  access: { distribution: 'network', tlp: 'amber' },
  workflow: { fourEyes: false },
  views: [{ type: 'list', label: { en: 'Lessons learned', fr: 'Enseignements tirés', de: 'Erkenntnisse' } }],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    lesson_learned: true;
  }
}
