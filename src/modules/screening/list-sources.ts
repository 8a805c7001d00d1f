/**
 * Configured list sources (`SCREENING_LISTS`, parsed in src/config/screening-lists.ts and
 * re-exported here) and parsing of uploaded list files. Without configuration the platform loads
 * the hand-made demo list (fictitious entries).
 */
import { fileURLToPath } from 'node:url';
import { ListConfigError } from '../../config/screening-lists.ts';
import {
  type Entity,
  type ListFormat,
  type ListSource,
  parseBisDpl,
  parseEu833Csv,
  parseEuFsfXml,
  parseFtmJsonl,
  parseUnXml,
  parseUsCsl,
} from '../../engines/screening/index.ts';

export { ALIASES, formatOf, ListConfigError, parseListsConfig } from '../../config/screening-lists.ts';

/** The hand-made demo list (FtM JSON lines, fictitious persons and companies). */
export const DEMO_LIST: ListSource = {
  listId: 'demo',
  format: 'ftm-jsonl',
  location: fileURLToPath(new URL('./demo/demo-list.ftm.jsonl', import.meta.url)),
};

/** Parses an uploaded list file (every format but the OFAC folder set). */
export async function parseListText(format: ListFormat, text: string, name: string): Promise<Entity[]> {
  switch (format) {
    case 'un-xml':
      return parseUnXml(text, name);
    case 'eu-fsf-xml':
      return parseEuFsfXml(text, name);
    case 'eu-833-csv':
      return parseEu833Csv(text, name);
    case 'ftm-jsonl':
      return parseFtmJsonl(text, name);
    case 'us-csl-csv':
      return parseUsCsl(text, name);
    case 'bis-dpl-tsv':
      return parseBisDpl(text, name);
    case 'ofac-csv':
      throw new ListConfigError(
        'The OFAC legacy format is a set of four files: configure it as a folder or URL prefix in SCREENING_LISTS.',
      );
  }
}
