/**
 * Reading a party file (CSV or XLSX): one party per row. Columns (case-insensitive, any order):
 * name (required), kind/type, country/nationality, birth_date/dob, identifier(s)/passport/imo
 * (`type:value`, `;`-separated for several), reference/ref/id. Every problem is reported as
 * line/column/reason before anything is stored.
 */

import type { InWorkerOptions } from '../../core/table-reader/in-worker.ts';
import type { TableLimits } from '../../core/table-reader/limits.ts';
import type { JobError } from '../../jobs/job-types.ts';
import { formatOf, readTable, type Table, TableError } from '../../registry/import/read-table.ts';
import type { PartyInput } from './cases.ts';

export interface PartyRowIn extends PartyInput {
  line: number;
  reference?: string | undefined;
}

const COLUMN_WORDS: Record<string, RegExp> = {
  name: /^(name|full name|party|party name|entity|company|person)$/,
  kind: /^(kind|type|party type|entity type)$/,
  country: /^(country|nationality|country code|residence)$/,
  birthDate: /^(birth date|birth_date|birthdate|dob|date of birth)$/,
  identifiers: /^(identifier|identifiers|id number|passport|imo|registration|tax id)$/,
  reference: /^(reference|ref|id|party id|customer id)$/,
};

const KINDS = new Set(['person', 'organisation', 'vessel', 'aircraft', 'other']);
const KIND_ALIAS: Record<string, string> = {
  individual: 'person',
  organization: 'organisation',
  company: 'organisation',
  entity: 'organisation',
  ship: 'vessel',
};

export class PartyFileError extends Error {
  /** `summary`: the job's failure reason when it is not "N problem(s)" (a limit of the reader). */
  constructor(
    readonly errors: JobError[],
    readonly summary?: string,
  ) {
    super(errors[0]?.reason ?? 'invalid file');
  }
}

/**
 * Reads a screening file (CSV or XLSX) with the bounded table reader in a worker thread. A file
 * refused by a limit (TABLE_MAX_*) fails with that limit as the reason.
 */
export async function readScreeningTable(
  file: { name: string; bytes: Uint8Array },
  limits: TableLimits,
  run: InWorkerOptions = {},
): Promise<Table> {
  const format = formatOf(file.name);
  if (format !== 'csv' && format !== 'xlsx')
    throw new PartyFileError([{ reason: `"${file.name}" is not a .csv or .xlsx file.` }]);
  try {
    return await readTable(format, file.bytes, limits, run);
  } catch (err) {
    if (err instanceof TableError)
      throw new PartyFileError([err.toJobError()], err.limit || err.status === 413 ? err.message : undefined);
    throw err;
  }
}

export async function readPartyFile(
  filename: string,
  bytes: Buffer,
  limits: TableLimits,
  run: InWorkerOptions = {},
): Promise<PartyRowIn[]> {
  const table = await readScreeningTable({ name: filename, bytes }, limits, run);
  const colOf: Partial<Record<keyof typeof COLUMN_WORDS, string>> = {};
  for (const c of table.columns) {
    const w = c.trim().toLowerCase().replace(/_/g, ' ');
    for (const [k, re] of Object.entries(COLUMN_WORDS)) {
      if (!colOf[k as keyof typeof COLUMN_WORDS] && (re.test(w) || re.test(c.trim().toLowerCase()))) {
        colOf[k as keyof typeof COLUMN_WORDS] = c;
        break;
      }
    }
  }
  if (!colOf.name)
    throw new PartyFileError([
      { line: 1, reason: `The header has no "name" column (found: ${table.columns.join(', ') || 'none'}).` },
    ]);
  const errors: JobError[] = [];
  const out: PartyRowIn[] = [];
  const cell = (cells: Record<string, unknown>, col?: string) =>
    col === undefined || cells[col] === undefined || cells[col] === null ? '' : String(cells[col]).trim();
  for (const r of table.rows) {
    const name = cell(r.cells, colOf.name);
    if (!name) {
      errors.push({ line: r.line, column: colOf.name, reason: 'The name is empty.' });
      continue;
    }
    if (name.length > 300) {
      errors.push({ line: r.line, column: colOf.name, reason: 'The name is longer than 300 characters.' });
      continue;
    }
    const row: PartyRowIn = { line: r.line, name };
    const kindRaw = cell(r.cells, colOf.kind).toLowerCase();
    if (kindRaw) {
      const k = KIND_ALIAS[kindRaw] ?? kindRaw;
      if (!KINDS.has(k)) {
        errors.push({
          line: r.line,
          column: colOf.kind,
          reason: `Unknown kind "${kindRaw}": person, organisation, vessel, aircraft or other.`,
        });
        continue;
      }
      row.kind = k as PartyRowIn['kind'];
    }
    const country = cell(r.cells, colOf.country);
    if (country) row.country = country;
    const dob = cell(r.cells, colOf.birthDate);
    if (dob) row.birthDate = dob;
    const ids = cell(r.cells, colOf.identifiers);
    if (ids)
      row.identifiers = ids
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => {
          const m = /^([a-z_]+):(.+)$/i.exec(s);
          return m ? { type: m[1]!.toLowerCase(), value: m[2]!.trim() } : { value: s };
        });
    const ref = cell(r.cells, colOf.reference);
    if (ref) row.reference = ref.slice(0, 200);
    out.push(row);
  }
  if (errors.length) throw new PartyFileError(errors.slice(0, 200));
  if (!out.length) throw new PartyFileError([{ reason: 'The file has no party rows.' }]);
  return out;
}
