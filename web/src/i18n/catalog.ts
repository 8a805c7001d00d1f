import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

export type Tree = { [k: string]: string | Tree };
export type CatalogLang = 'en' | 'fr' | 'de';

/**
 * The message catalog of one language: the shell's catalog (en.json, …) plus one file per feature
 * module, `modules/<namespace>.<lang>.json`, mounted under its namespace (`registry.…`, `risk.…`).
 * Modules keep their strings apart so that features can be added without touching one big file.
 */
const moduleFiles = import.meta.glob<Tree>('./modules/*.json', { eager: true, import: 'default' });
const base: Record<CatalogLang, Tree> = { en: en as Tree, fr: fr as Tree, de: de as Tree };

export function catalog(lang: CatalogLang): Tree {
  const tree: Tree = { ...base[lang] };
  for (const [path, content] of Object.entries(moduleFiles)) {
    const m = /\/([a-z][a-zA-Z0-9]*)\.(en|fr|de)\.json$/.exec(path);
    if (!m) throw new Error(`Catalog file ${path} must be named <namespace>.<en|fr|de>.json`);
    if (m[2] !== lang) continue;
    if (m[1]! in base.en) throw new Error(`Catalog namespace "${m[1]}" is already used by ${lang}.json`);
    tree[m[1]!] = content;
  }
  return tree;
}
