/**
 * Default messages of response validation in English, French and German (a form's own
 * constraint_message / required_message wins). Plain data: the web form shows the same texts.
 */

export type ProblemKind =
  | 'required'
  | 'constraint'
  | 'type'
  | 'choice'
  | 'choice_filter'
  | 'other_text'
  | 'repeat_min'
  | 'repeat_max'
  | 'repeat_count'
  | 'not_relevant'
  | 'unknown'
  | 'row';

type Catalog = Record<ProblemKind, string> & { types: Record<string, string> };

export const MESSAGES: Record<'en' | 'fr' | 'de', Catalog> = {
  en: {
    required: 'An answer is required.',
    constraint: 'This answer is not accepted (rule: {rule}).',
    type: 'Expected {expected}.',
    choice: '"{value}" is not one of the choices.',
    choice_filter: '"{value}" cannot be chosen with the answers given before.',
    other_text: 'Please specify "other".',
    repeat_min: 'At least {n} entries are needed.',
    repeat_max: 'At most {n} entries are allowed.',
    repeat_count: 'Exactly {n} entries are expected, not {count}.',
    not_relevant: 'This question does not apply given the other answers: its answer was removed.',
    unknown: 'There is no question "{code}" here.',
    row: '"{value}" is not a row of this table.',
    types: {
      integer: 'a whole number',
      decimal: 'a number',
      scale: 'a level of the scale ({levels})',
      yes_no: 'yes or no (true/false)',
      date: 'a date (YYYY-MM-DD)',
      time: 'a time (HH:MM)',
      datetime: 'a date and time (YYYY-MM-DDTHH:MM)',
      text: 'a text',
      multilingual_text: 'texts by language, e.g. {"en": "…"}',
      geopoint: 'a position {"lat": …, "lon": …}',
      file: 'a file reference {"fileId": …, "name": …}',
      select_one: 'one choice (its code)',
      select_multiple: 'a list of choice codes without repeats',
      repeat: 'a list of entries',
      matrix: 'an object with one entry per row',
      entry: 'an object of answers',
    },
  },
  fr: {
    required: 'Une réponse est requise.',
    constraint: "Cette réponse n'est pas acceptée (règle : {rule}).",
    type: 'Attendu : {expected}.',
    choice: '« {value} » ne fait pas partie des choix.',
    choice_filter: '« {value} » ne peut pas être choisi avec les réponses précédentes.',
    other_text: 'Veuillez préciser « autre ».',
    repeat_min: 'Au moins {n} entrées sont nécessaires.',
    repeat_max: 'Au plus {n} entrées sont permises.',
    repeat_count: 'Exactement {n} entrées sont attendues, pas {count}.',
    not_relevant: 'Cette question ne s’applique pas vu les autres réponses : sa réponse a été retirée.',
    unknown: 'Il n’y a pas de question « {code} » ici.',
    row: '« {value} » n’est pas une ligne de ce tableau.',
    types: {
      integer: 'un nombre entier',
      decimal: 'un nombre',
      scale: 'un niveau de l’échelle ({levels})',
      yes_no: 'oui ou non (true/false)',
      date: 'une date (AAAA-MM-JJ)',
      time: 'une heure (HH:MM)',
      datetime: 'une date et une heure (AAAA-MM-JJTHH:MM)',
      text: 'un texte',
      multilingual_text: 'des textes par langue, p. ex. {"fr": "…"}',
      geopoint: 'une position {"lat": …, "lon": …}',
      file: 'une référence de fichier {"fileId": …, "name": …}',
      select_one: 'un choix (son code)',
      select_multiple: 'une liste de codes de choix sans doublon',
      repeat: 'une liste d’entrées',
      matrix: 'un objet avec une entrée par ligne',
      entry: 'un objet de réponses',
    },
  },
  de: {
    required: 'Eine Antwort ist erforderlich.',
    constraint: 'Diese Antwort wird nicht angenommen (Regel: {rule}).',
    type: 'Erwartet: {expected}.',
    choice: '„{value}“ ist keine der Auswahlmöglichkeiten.',
    choice_filter: '„{value}“ kann mit den vorherigen Antworten nicht gewählt werden.',
    other_text: 'Bitte „Sonstiges“ angeben.',
    repeat_min: 'Mindestens {n} Einträge sind nötig.',
    repeat_max: 'Höchstens {n} Einträge sind erlaubt.',
    repeat_count: 'Genau {n} Einträge werden erwartet, nicht {count}.',
    not_relevant: 'Diese Frage trifft nach den anderen Antworten nicht zu: ihre Antwort wurde entfernt.',
    unknown: 'Hier gibt es keine Frage „{code}“.',
    row: '„{value}“ ist keine Zeile dieser Tabelle.',
    types: {
      integer: 'eine ganze Zahl',
      decimal: 'eine Zahl',
      scale: 'eine Stufe der Skala ({levels})',
      yes_no: 'ja oder nein (true/false)',
      date: 'ein Datum (JJJJ-MM-TT)',
      time: 'eine Uhrzeit (HH:MM)',
      datetime: 'Datum und Uhrzeit (JJJJ-MM-TTTHH:MM)',
      text: 'ein Text',
      multilingual_text: 'Texte je Sprache, z. B. {"de": "…"}',
      geopoint: 'eine Position {"lat": …, "lon": …}',
      file: 'ein Dateiverweis {"fileId": …, "name": …}',
      select_one: 'eine Auswahl (ihr Code)',
      select_multiple: 'eine Liste von Auswahlcodes ohne Wiederholung',
      repeat: 'eine Liste von Einträgen',
      matrix: 'ein Objekt mit einem Eintrag je Zeile',
      entry: 'ein Objekt mit Antworten',
    },
  },
};

const catalog = (lang: string | undefined): Catalog =>
  MESSAGES[(lang?.slice(0, 2).toLowerCase() ?? 'en') as keyof typeof MESSAGES] ?? MESSAGES.en;

const fill = (s: string, params: Record<string, string | number>): string =>
  s.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));

export function defaultMessage(
  kind: ProblemKind,
  lang: string | undefined,
  params: Record<string, string | number> = {},
): string {
  return fill(catalog(lang)[kind], params);
}

export function typeName(
  type: string,
  lang: string | undefined,
  params: Record<string, string | number> = {},
): string {
  const c = catalog(lang);
  return fill(c.types[type] ?? type, params);
}
