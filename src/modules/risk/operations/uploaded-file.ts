import { z } from 'zod';
import { TableError, type TableLimits } from '../../../core/table-reader/limits.ts';
import { DATE_FORMATS, type DialectOverrides, ENCODINGS } from '../../../engines/risk/dialect.ts';
import { compileMapping, type Mapping, MappingError } from '../../../engines/risk/mapping.ts';
import { badRequest } from '../../../http/errors.ts';
import { tableLimitError } from '../../../http/table-errors.ts';
import { runRiskTask, TaskError } from '../risk-worker.ts';

/** A multipart upload: its text fields and the one file (field "file"). */
export interface RiskUpload {
  fields: Record<string, string>;
  file: { name: string; bytes: Buffer; contentType: string };
}

/**
 * Reads the request's upload, named for messages (`what`: "declaration history", …). Operations
 * call it after the access check, so a caller who may not act is refused before the body is read.
 */
export type ReadUpload = (what: string) => Promise<RiskUpload>;

/** The header and the first `n` rows of an uploaded file, read in a worker within the table limits. */
export async function sampleOf(
  file: { name: string; bytes: Buffer },
  n: number,
  limits: TableLimits,
  dialect: DialectOverrides = {},
) {
  try {
    const s = await runRiskTask('sampleTask', { bytes: file.bytes, fileName: file.name, n, limits, dialect });
    // Refused by a limit of the table reader (TABLE_MAX_*): 413 / 422 naming it.
    if (s.tableError) throw tableLimitError(TableError.fromData(s.tableError));
    if (s.header.length === 0)
      throw badRequest('The file is empty (no header row).', [{ field: 'file', message: 'empty' }]);
    return s;
  } catch (e) {
    if (e instanceof TaskError)
      throw badRequest(`The file cannot be read: ${e.message}`, [{ field: 'file', message: e.message }]);
    throw e;
  }
}

const dialectFieldsSchema = z.strictObject({
  encoding: z.enum(ENCODINGS).optional(),
  delimiter: z.enum(['comma', 'semicolon', 'tab', 'pipe']).optional(),
  decimal: z.enum(['point', 'comma']).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
});

/**
 * The upload form's overrides of the detected dialect (fields encoding, delimiter, decimal
 * point|comma, dateFormat ymd|dmy|mdy; empty = detect); 400 naming a bad one.
 */
export function dialectFields(fields: Record<string, string>): DialectOverrides {
  const raw: Record<string, string> = {};
  for (const k of ['encoding', 'delimiter', 'decimal', 'dateFormat'])
    if (fields[k] !== undefined && fields[k] !== '') raw[k] = fields[k]!;
  const d = parseField(dialectFieldsSchema, raw, 'dialect');
  const out: DialectOverrides = {};
  if (d.encoding) out.encoding = d.encoding;
  if (d.delimiter) out.delimiter = d.delimiter;
  if (d.decimal) out.decimal = d.decimal === 'comma' ? ',' : '.';
  if (d.dateFormat) out.dateFormat = d.dateFormat;
  return out;
}

/** 400 naming every problem when the mapping does not fit the file's header. */
export function checkMapping(mapping: Mapping, header: string[], requireLabel: boolean): void {
  try {
    compileMapping(mapping, header, { requireLabel });
  } catch (e) {
    if (e instanceof MappingError)
      throw badRequest(
        `The mapping does not fit the file: ${e.problems.join('; ')}`,
        e.problems.map((p) => ({ field: 'mapping', message: p })),
      );
    throw e;
  }
}

/** A multipart field checked with zod: 400 naming the field. */
export function parseField<T>(schema: z.ZodType<T>, raw: unknown, field: string): T {
  const r = schema.safeParse(raw);
  if (!r.success)
    throw badRequest(
      `The field "${field}" is invalid: ${r.error.issues.map((i) => `${i.path.join('.') || field}: ${i.message}`).join('; ')}`,
      [{ field, message: r.error.issues[0]?.message ?? 'invalid' }],
    );
  return r.data;
}

/** A multipart field holding JSON: 400 when missing or not JSON. */
export function jsonField(raw: string | undefined, field: string): unknown {
  if (raw === undefined)
    throw badRequest(`The field "${field}" is required.`, [{ field, message: 'required' }]);
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`The field "${field}" must be JSON.`, [{ field, message: 'not JSON' }]);
  }
}
