import type { Item, Questionnaire } from '../../../engines/questionnaire/model.ts';

/**
 * The training-needs questionnaire, shipped with the platform: a questionnaire of the mapping engine
 * (src/modules/mapping) whose matrix rows are the platform code list `competency` (CustCompEU), so
 * results pivot on its codes (and a competency administrators add appears as a new row). Per
 * competency an administration states the level its officers need, how many officers need it,
 * the priority, the preferred language and the mode. The training network's coordinator imports
 * it (as the XLSForm file the engine writes from this definition) and runs it as a named or
 * coordinator-only campaign; the gap heat map reads `officers` per administration × competency.
 */
export const TRAINING_NEEDS_CODE = 'training_needs';
export const TRAINING_NEEDS_MATRIX = 'competency_needs';
export const TRAINING_NEEDS_OFFICERS = 'officers';

const PRIORITIES = [
  { name: 'high', label: { en: 'High', fr: 'Haute', de: 'Hoch' } },
  { name: 'medium', label: { en: 'Medium', fr: 'Moyenne', de: 'Mittel' } },
  { name: 'low', label: { en: 'Low', fr: 'Basse', de: 'Niedrig' } },
];

const needs: Item = {
  type: 'matrix',
  code: TRAINING_NEEDS_MATRIX,
  label: {
    en: 'Training needs of your administration per competency',
    fr: 'Besoins de formation de votre administration par compétence',
    de: 'Schulungsbedarf Ihrer Verwaltung je Kompetenz',
  },
  hint: {
    en: 'For each competency your officers need training in: the level needed, how many officers, the priority, and the language and mode you prefer. Leave the other rows empty. Give numbers, never names of officers.',
    fr: 'Pour chaque compétence dans laquelle vos agents ont besoin d’une formation : le niveau requis, le nombre d’agents, la priorité, ainsi que la langue et la modalité souhaitées. Laissez les autres lignes vides. Indiquez des nombres, jamais de noms d’agents.',
    de: 'Für jede Kompetenz, in der Ihre Bediensteten Schulung brauchen: die benötigte Stufe, wie viele Bedienstete, die Priorität sowie die bevorzugte Sprache und Schulungsform. Die übrigen Zeilen leer lassen. Zahlen angeben, nie Namen von Bediensteten.',
  },
  rows: { codeList: 'competency' },
  columns: [
    {
      type: 'select_one',
      code: 'level_needed',
      label: { en: 'Level needed', fr: 'Niveau requis', de: 'Benötigte Stufe' },
      choices: { codeList: 'proficiency_level' },
    },
    {
      type: 'integer',
      code: TRAINING_NEEDS_OFFICERS,
      label: { en: 'Officers', fr: 'Agents', de: 'Bedienstete' },
      constraint: '. >= 0 and . <= 100000',
      constraintMessage: {
        en: 'A number of officers from 0 to 100,000.',
        fr: 'Un nombre d’agents de 0 à 100 000.',
        de: 'Eine Anzahl Bediensteter von 0 bis 100 000.',
      },
    },
    {
      type: 'select_one',
      code: 'priority',
      label: { en: 'Priority', fr: 'Priorité', de: 'Priorität' },
      choices: { list: 'priorities' },
    },
    {
      type: 'select_one',
      code: 'preferred_language',
      label: { en: 'Preferred language', fr: 'Langue souhaitée', de: 'Bevorzugte Sprache' },
      choices: { codeList: 'eu_language' },
    },
    {
      type: 'select_one',
      code: 'mode',
      label: { en: 'Preferred mode', fr: 'Modalité souhaitée', de: 'Bevorzugte Schulungsform' },
      choices: { codeList: 'training_mode' },
    },
  ],
};

/** Version 2027 (the first). */
export const trainingNeeds2027: Questionnaire = {
  format: 'eucab-questionnaire',
  id: TRAINING_NEEDS_CODE,
  title: 'Training needs',
  version: '2027',
  languages: [
    { code: 'en', name: 'English' },
    { code: 'fr', name: 'French' },
    { code: 'de', name: 'German' },
  ],
  defaultLanguage: 'en',
  choiceLists: { priorities: PRIORITIES },
  leftOut: [],
  items: [needs],
};
