import { useTranslation } from 'react-i18next';
import type { CodeEntry, DescribedField, FieldDef, Kind } from './types.ts';

/**
 * Labels of kinds and fields in the user's language: the registry catalog
 * (registry.kinds.<kind>.label / .plural / .fields.<field> / .items.<field>.<sub> / .help.<field>),
 * falling back to the definition's English label when a key is missing.
 */
export function useRegistryLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const tr = (key: string, fallback: string) => (i18n.exists(key) ? t(key) : fallback);
  return {
    lang,
    kind: (k: Pick<Kind, 'name' | 'label'>) => tr(`registry.kinds.${k.name}.label`, k.label),
    kindPlural: (k: Pick<Kind, 'name' | 'labelPlural'>) =>
      tr(`registry.kinds.${k.name}.plural`, k.labelPlural),
    field: (kind: string, f: DescribedField | (FieldDef & { name: string })) =>
      tr(`registry.kinds.${kind}.fields.${f.name}`, f.label),
    /** A field inside a list of objects or an object field: path "requirements", sub "req_id". */
    subField: (kind: string, parent: string, sub: string, fallback: string) =>
      tr(`registry.kinds.${kind}.items.${parent}.${sub}`, fallback),
    help: (kind: string, f: { name: string; help?: string | undefined }) =>
      f.help ? tr(`registry.kinds.${kind}.help.${f.name}`, f.help) : undefined,
    view: (kind: string, type: string, fallback: string) =>
      tr(`registry.kinds.${kind}.views.${type}`, fallback),
    area: (area: string) => tr(`registry.areas.${area}`, area),
    code: (entry: CodeEntry | undefined, code: string) =>
      entry ? (entry.labels[lang] ?? entry.labels.en ?? code) : code,
  };
}
