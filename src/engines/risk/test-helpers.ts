/** Test helpers: slices of the shared KCS files (resolved relative to the repository root). */
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Mapping } from './mapping.ts';

/** ../shared/data/kcs-declarations relative to the repository root. */
export const KCS_DIR = fileURLToPath(new URL('../../../../shared/data/kcs-declarations/', import.meta.url));
export const KCS_TRAIN = join(KCS_DIR, 'train_2020.csv');
export const KCS_VALID = join(KCS_DIR, 'valid_2021q1.csv');

export const KCS_MAPPING: Mapping = {
  format: 'eucab-risk-mapping',
  version: 1,
  columns: {
    'Declaration ID': 'id',
    Date: 'date',
    'Office ID': 'office',
    'Process Type': 'categorical',
    'Import Type': 'categorical',
    'Import Use': 'categorical',
    'Payment Type': 'categorical',
    'Mode of Transport': 'categorical',
    'Declarant ID': 'declarant',
    'Importer ID': 'importer',
    'Seller ID': 'exporter',
    'Courier ID': 'categorical',
    'HS6 Code': 'hs',
    'Country of Departure': 'departure',
    'Country of Origin': 'origin',
    'Tax Rate': 'numeric',
    'Tax Type': 'categorical',
    'Country of Origin Indicator': 'categorical',
    'Net Mass': 'mass',
    'Item Price': 'value',
    Fraud: 'label',
    'Critical Fraud': 'ignore',
  },
};

/** First n data lines of a file (plus header), as text lines. */
export async function headLines(path: string, n: number, skip = 0): Promise<string[]> {
  const out: string[] = [];
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let i = -1;
  for await (const line of rl) {
    if (i === -1) out.push(line);
    else if (i >= skip) out.push(line);
    i++;
    if (out.length > n) break;
  }
  rl.close();
  return out;
}

export function tmpDir(): string {
  return mkdtempSync(join(tmpdir(), 'risk-test-'));
}

/** Write lines to a temp file and return its path. */
export function writeTemp(dir: string, name: string, lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}
