/**
 * The official languages of the EU, and the words a registry definition shows to people in them.
 * A definition is its kind's message catalog: every label carries English, French and German (the
 * platform's interface languages, checked by the type and by src/registry/kinds/definitions.test.ts)
 * and may carry any other EU language. Readers pick the user's language, else English (`labelIn`).
 * Pure code: the web app imports this file too.
 */
export const EU_LANGUAGES = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
] as const;

export type EuLanguage = (typeof EU_LANGUAGES)[number];

/** The languages every label must have (the web app's catalogs: en, fr, de). */
export const REQUIRED_LANGUAGES = ['en', 'fr', 'de'] as const;

/** Words shown to people: English, French and German required, the other EU languages optional. */
export type Labels = { readonly [L in (typeof REQUIRED_LANGUAGES)[number]]: string } & {
  readonly [L in Exclude<EuLanguage, (typeof REQUIRED_LANGUAGES)[number]>]?: string;
};

/** The label in `lang`, else in English (the fallback order of every reader). */
export function labelIn(labels: Labels, lang: string): string {
  const own = (labels as Partial<Record<string, string>>)[lang];
  return own?.trim() ? own : labels.en;
}
