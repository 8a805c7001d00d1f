import { useTranslation } from 'react-i18next';
import { type Labels, labelIn } from '../../../src/contract/languages.ts';
import type { CodeEntry, Kind } from './types.ts';

/**
 * The words of a kind in the user's language. A kind's own words (its names, description, field
 * labels and help, views, the interest button) come from its definition through the API
 * (`GET /api/v1/registry`: every language the definition has), read in the user's language and
 * else in English; the shell's words (areas, buttons, statuses) stay in the catalogs.
 */
export function useRegistryLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const text = (labels: Labels) => labelIn(labels, lang);
  return {
    lang,
    /** Any label of a definition (a field, a sub-field, a view, a list item). */
    text,
    kind: (k: Pick<Kind, 'label'>) => text(k.label),
    kindPlural: (k: Pick<Kind, 'labelPlural'>) => text(k.labelPlural),
    field: (f: { label: Labels }) => text(f.label),
    help: (f: { help?: Labels | undefined }) => (f.help ? text(f.help) : undefined),
    area: (area: string) => t(`registry.areas.${area}`, { defaultValue: area }),
    code: (entry: CodeEntry | undefined, code: string) =>
      entry ? (entry.labels[lang] ?? entry.labels.en ?? code) : code,
  };
}
