import { type InWorkerOptions, readTableInWorker } from '../../core/table-reader/in-worker.ts';
import {
  DEFAULT_TABLE_LIMITS,
  readTable,
  type Table,
  TableError,
  type TableLimits,
} from '../../core/table-reader/index.ts';
import type { OrgRole } from '../../db/schema.ts';

export interface RowError {
  line: number;
  column: string;
  reason: string;
}

export interface ImportedUser {
  line: number;
  email: string;
  display_name: string;
  locale: string;
  roles: OrgRole[];
}

export const USER_IMPORT_COLUMNS = ['email', 'display_name', 'locale', 'roles'] as const;
const REQUIRED = ['email', 'display_name'];
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/;
const ORG_ROLES = new Set(['ncp', 'ncp_deputy', 'risk_analyst', 'screening_reviewer', 'platform_admin']);

export interface ParsedUserFile {
  rows: ImportedUser[];
  errors: RowError[];
}

/**
 * Parses and validates a user CSV (header: email, display_name, optional locale and roles —
 * roles separated by ";"). The file is read by the bounded table reader (src/core/table-reader),
 * in a worker thread unless `worker: false`; a file over a TABLE_MAX_* limit throws its
 * TableError (the route answers 413/422, the job fails with it). Every bad cell is reported with
 * its line and column; the caller writes nothing when there is any error.
 */
export async function parseUserCsv(
  content: Buffer | string,
  grantable: readonly OrgRole[],
  opts: { limits?: TableLimits; maxRows?: number; worker?: InWorkerOptions | false } = {},
): Promise<ParsedUserFile> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const limits = opts.limits ?? DEFAULT_TABLE_LIMITS;
  const maxRows = opts.maxRows ?? 50_000;
  if (bytes.length === 0)
    return {
      rows: [],
      errors: [{ line: 1, column: '', reason: 'The file is empty: expected a header line.' }],
    };
  let table: Table;
  try {
    const read = { limits, trim: true };
    table =
      opts.worker === false
        ? await readTable('csv', bytes, read)
        : await readTableInWorker('csv', bytes, read, opts.worker ?? {});
  } catch (e) {
    if (e instanceof TableError && e.limit === undefined && e.status === 422)
      return { rows: [], errors: [{ line: e.line ?? 1, column: e.column, reason: e.message }] };
    throw e;
  }
  const errors: RowError[] = [];
  if (table.columns.length === 0)
    return {
      rows: [],
      errors: [{ line: 1, column: '', reason: 'The file is empty: expected a header line.' }],
    };
  const header = table.columns.map((h) => h.toLowerCase());
  for (const h of header) {
    if (!(USER_IMPORT_COLUMNS as readonly string[]).includes(h)) {
      errors.push({
        line: 1,
        column: h,
        reason: `Unknown column "${h}". Allowed: ${USER_IMPORT_COLUMNS.join(', ')}.`,
      });
    }
  }
  for (const h of REQUIRED)
    if (!header.includes(h))
      errors.push({ line: 1, column: h, reason: `The required column "${h}" is missing.` });
  if (new Set(header).size !== header.length)
    errors.push({ line: 1, column: '', reason: 'A column appears twice in the header.' });
  if (errors.length) return { rows: [], errors };
  if (table.rows.length > maxRows) {
    return {
      rows: [],
      errors: [
        { line: maxRows + 2, column: '', reason: `The file has more than ${maxRows} rows: split it.` },
      ],
    };
  }
  const seen = new Map<string, number>();
  const rows: ImportedUser[] = [];
  for (const rec of table.rows) {
    const line = rec.line;
    const get = (c: string) => {
      const i = header.indexOf(c);
      return i >= 0 ? String(rec.cells[table.columns[i]!] ?? '') : '';
    };
    const email = get('email');
    const name = get('display_name');
    const locale = get('locale') || 'en';
    const rolesCell = get('roles');
    let ok = true;
    const bad = (column: string, reason: string) => {
      errors.push({ line, column, reason });
      ok = false;
    };
    if (!email) bad('email', 'The e-mail address is empty.');
    else if (email.length > 254 || !EMAIL.test(email))
      bad('email', `"${email.slice(0, 60)}" is not an e-mail address.`);
    else if (seen.has(email.toLowerCase()))
      bad('email', `The same address is on line ${seen.get(email.toLowerCase())}.`);
    else seen.set(email.toLowerCase(), line);
    if (!name) bad('display_name', 'The name is empty.');
    else if (name.length > 200) bad('display_name', 'The name is longer than 200 characters.');
    if (!['en', 'fr', 'de'].includes(locale))
      bad('locale', `"${locale}" is not a supported language (en, fr, de).`);
    const roles: OrgRole[] = [];
    for (const raw of rolesCell
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (!ORG_ROLES.has(raw))
        bad('roles', `"${raw}" is not a role. Roles: ncp_deputy, risk_analyst, screening_reviewer.`);
      else if (!grantable.includes(raw as OrgRole)) bad('roles', `You may not grant the role "${raw}".`);
      else roles.push(raw as OrgRole);
    }
    if (ok) rows.push({ line, email, display_name: name, locale, roles: [...new Set(roles)] });
  }
  if (table.rows.length === 0)
    errors.push({ line: 2, column: '', reason: 'The file has a header but no rows.' });
  return { rows, errors };
}
