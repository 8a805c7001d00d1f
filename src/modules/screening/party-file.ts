/**
 * Reading a party file (CSV or XLSX): one party per row. Columns (case-insensitive, any order):
 * name (required), kind/type, country/nationality, birth_date/dob, identifier(s)/passport/imo
 * (`type:value`, `;`-separated for several), reference/ref/id. Every problem is reported as
 * line/column/reason before anything is stored.
 */
import type { JobError } from '../../jobs/job-types.ts';
import { formatOf, readTable, TableError } from '../../registry/import/read-table.ts';
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
  constructor(readonly errors: JobError[]) {
    super(errors[0]?.reason ?? 'invalid file');
  }
}

export async function readPartyFile(filename: string, bytes: Buffer): Promise<PartyRowIn[]> {
  const format = formatOf(filename);
  if (format !== 'csv' && format !== 'xlsx')
    throw new PartyFileError([{ reason: `"${filename}" is not a .csv or .xlsx file.` }]);
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(format, bytes);
  } catch (err) {
    if (err instanceof TableError)
      throw new PartyFileError([{ line: err.line, column: err.column, reason: err.message }]);
    throw new PartyFileError([{ reason: `The file cannot be read: ${(err as Error).message}` }]);
  }
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
