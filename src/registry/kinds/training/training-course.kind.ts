import { defineKind } from '../../definition.ts';
import { competency, euLanguage, proficiencyLevel, trainingMode } from './training.codes.ts';

/**
 * A course or curriculum an administration (or a EUCAB body) offers: the competencies it builds
 * (CustCompEU codes) and to which level, its learning outcomes, duration, languages, mode and the
 * number of participants a session takes. The owner is the record's organisation.
 */
export const trainingCourse = defineKind({
  name: 'training_course',
  label: { en: 'Training course', fr: 'Formation', de: 'Lehrgang' },
  labelPlural: { en: 'Training courses', fr: 'Formations', de: 'Lehrgänge' },
  description: {
    en: 'Courses and curricula offered by the administrations: competencies (CustCompEU) and level, learning outcomes, duration, languages and mode.',
    fr: 'Formations et cursus proposés par les administrations : compétences (CustCompEU) et niveau, acquis d’apprentissage, durée, langues et modalité.',
    de: 'Von den Verwaltungen angebotene Lehrgänge und Curricula: Kompetenzen (CustCompEU) und Stufe, Lernergebnisse, Dauer, Sprachen und Schulungsform.',
  },
  area: 'training',
  network: 'training',
  codeLists: [competency, proficiencyLevel, trainingMode, euLanguage],
  fields: {
    title: { type: 'text', label: { en: 'Title', fr: 'Titre', de: 'Titel' }, required: true, maxLength: 300 },
    competencies: {
      type: 'list',
      of: {
        type: 'code',
        codeList: 'competency',
        label: { en: 'Competency', fr: 'Compétence', de: 'Kompetenz' },
      },
      maxItems: 20,
      required: true,
      label: { en: 'Competencies', fr: 'Compétences', de: 'Kompetenzen' },
    },
    level: {
      type: 'code',
      codeList: 'proficiency_level',
      required: true,
      label: { en: 'Level reached', fr: 'Niveau atteint', de: 'Erreichte Stufe' },
    },
    learning_outcomes: {
      type: 'text',
      multiline: true,
      maxLength: 5000,
      required: true,
      label: { en: 'Learning outcomes', fr: 'Acquis d’apprentissage', de: 'Lernergebnisse' },
    },
    duration_days: {
      type: 'number',
      min: 0.5,
      max: 365,
      required: true,
      unit: 'd',
      label: { en: 'Duration (days)', fr: 'Durée (jours)', de: 'Dauer (Tage)' },
    },
    languages: {
      type: 'list',
      of: { type: 'code', codeList: 'eu_language', label: { en: 'Language', fr: 'Langue', de: 'Sprache' } },
      maxItems: 24,
      required: true,
      label: { en: 'Languages', fr: 'Langues', de: 'Sprachen' },
    },
    mode: {
      type: 'code',
      codeList: 'training_mode',
      required: true,
      label: { en: 'Mode', fr: 'Modalité', de: 'Schulungsform' },
    },
    max_participants: {
      type: 'number',
      integer: true,
      min: 1,
      max: 10_000,
      required: true,
      label: {
        en: 'Participants per session',
        fr: 'Participants par session',
        de: 'Teilnehmende je Durchgang',
      },
    },
  },
  example: (token) => ({
    title: `Course ${token}`,
    competencies: ['tariff_classification', 'origin'],
    level: 'trained',
    learning_outcomes: 'Participants classify goods in the Combined Nomenclature and determine their origin.',
    duration_days: 3,
    languages: ['en', 'fr'],
    mode: 'classroom',
    max_participants: 20,
  }),
  titleField: 'title',
  importKey: ['title'],
  searchable: ['title', 'learning_outcomes'],
  listColumns: ['title', 'competencies', 'level', 'mode', 'duration_days', 'languages'],
  filters: ['competencies', 'level', 'mode', 'languages'],
  access: { distribution: 'eucab', tlp: 'green' },
  workflow: { fourEyes: false },
  views: [
    { type: 'list', label: { en: 'Courses', fr: 'Formations', de: 'Lehrgänge' } },
    {
      type: 'matrix',
      label: {
        en: 'Administration × competency',
        fr: 'Administration × compétence',
        de: 'Verwaltung × Kompetenz',
      },
      field: 'competencies',
      measure: 'count',
    },
  ],
});

declare module '../../../contract/kind-names.ts' {
  interface KindNames {
    training_course: true;
  }
}
