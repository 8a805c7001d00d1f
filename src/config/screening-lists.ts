/**
 * The screening list sources of the configuration (`SCREENING_LISTS`):
 * `un=un-xml:/data/un.xml,ofac=ofac-csv:https://…/` — entries `[listId=]format:location`, where
 * format is one of the screening engine's formats or a short alias (un, ofac, eu, eu833, ftm, csl,
 * dpl). Here, beside the configuration that checks the variable at start; the screening module
 * (src/modules/screening/list-sources.ts) loads what it names.
 */
import { LIST_FORMATS, type ListFormat, type ListSource } from '../engines/screening/index.ts';

export const ALIASES: Record<string, ListFormat> = {
  un: 'un-xml',
  ofac: 'ofac-csv',
  eu: 'eu-fsf-xml',
  eu833: 'eu-833-csv',
  ftm: 'ftm-jsonl',
  csl: 'us-csl-csv',
  dpl: 'bis-dpl-tsv',
};

export function formatOf(word: string): ListFormat | undefined {
  const w = word.trim().toLowerCase();
  return (LIST_FORMATS as string[]).includes(w) ? (w as ListFormat) : ALIASES[w];
}

export class ListConfigError extends Error {}

export function parseListsConfig(value: string | undefined): ListSource[] {
  if (!value?.trim()) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const eq = entry.indexOf('=');
      const explicitId = eq > 0 && !entry.slice(0, eq).includes(':') ? entry.slice(0, eq) : undefined;
      const rest = explicitId ? entry.slice(eq + 1) : entry;
      const colon = rest.indexOf(':');
      if (colon <= 0)
        throw new ListConfigError(`SCREENING_LISTS entry "${entry}": expected [listId=]format:location`);
      const fmtWord = rest.slice(0, colon);
      const format = formatOf(fmtWord);
      if (!format)
        throw new ListConfigError(
          `SCREENING_LISTS entry "${entry}": unknown format "${fmtWord}" (one of ${LIST_FORMATS.join(', ')})`,
        );
      const location = rest.slice(colon + 1);
      if (!location) throw new ListConfigError(`SCREENING_LISTS entry "${entry}": no location`);
      const listId = explicitId ?? fmtWord.toLowerCase();
      if (!/^[a-z0-9][a-z0-9_.-]{0,40}$/.test(listId))
        throw new ListConfigError(
          `SCREENING_LISTS entry "${entry}": list id "${listId}" must be lower-case letters/digits`,
        );
      return { listId, format, location };
    });
}
