/**
 * The error the one table reader (CSV, XLSX, JSON, JSON lines) throws at a limit. The limits
 * themselves (TableLimits, their defaults, tableLimitsFrom) are in src/config/table-limits.ts and
 * re-exported here for the reader's callers.
 */

import type { TableLimits } from '../../config/table-limits.ts';

export { DEFAULT_TABLE_LIMITS, type TableLimits, tableLimitsFrom } from '../../config/table-limits.ts';

export type TableLimitName =
  | 'TABLE_MAX_ROWS'
  | 'TABLE_MAX_COLUMNS'
  | 'TABLE_MAX_CELL_CHARS'
  | 'TABLE_MAX_PART_BYTES'
  | 'TABLE_MAX_UNCOMPRESSED_BYTES';

/** What crosses a worker boundary (structured clone keeps no class). */
export interface TableErrorData {
  line: number | undefined;
  column: string;
  message: string;
  status: 413 | 422;
  limit: TableLimitName | undefined;
}

/**
 * A file that cannot be read as a table. `status` 413 when it (or a zip part) is too large,
 * 422 when it is malformed or has too many rows / columns or a too-long cell; `limit` names the
 * configuration variable that was exceeded, if any. `line` is the line (CSV, JSON lines) or row
 * (XLSX) as a person sees it, when known.
 */
export class TableError extends Error {
  override readonly name = 'TableError';
  constructor(
    readonly line: number | undefined,
    readonly column: string,
    message: string,
    readonly status: 413 | 422 = 422,
    readonly limit?: TableLimitName,
  ) {
    super(message);
  }

  toData(): TableErrorData {
    return {
      line: this.line,
      column: this.column,
      message: this.message,
      status: this.status,
      limit: this.limit,
    };
  }

  static fromData(d: TableErrorData): TableError {
    return new TableError(d.line, d.column, d.message, d.status, d.limit);
  }

  /** As a job error (line / column / reason). */
  toJobError(): { line?: number; column?: string; reason: string } {
    return {
      ...(this.line !== undefined ? { line: this.line } : {}),
      ...(this.column ? { column: this.column } : {}),
      reason: this.message,
    };
  }
}

const MB = 1_048_576;

export const count = (n: number) => n.toLocaleString('en-GB');

/** "50 MB" for whole megabytes, else the number of bytes. */
export function bytesText(n: number): string {
  return n % MB === 0 ? `${count(n / MB)} MB` : `${count(n)} bytes`;
}

export const tooManyRows = (line: number | undefined, l: TableLimits, what = 'sheet') =>
  new TableError(
    line,
    '',
    `The ${what} has more than ${count(l.maxRows)} rows (the limit, TABLE_MAX_ROWS): split it.`,
    422,
    'TABLE_MAX_ROWS',
  );

export const tooManyColumns = (line: number | undefined, found: number, l: TableLimits, what = 'sheet') =>
  new TableError(
    line,
    '',
    `The ${what} has ${count(found)} columns, more than ${count(l.maxColumns)} (the limit, TABLE_MAX_COLUMNS).`,
    422,
    'TABLE_MAX_COLUMNS',
  );

/** `found`: the cell's length when known (CSV, JSON), undefined when reading stopped at the limit. */
export const cellTooLong = (
  line: number | undefined,
  column: string,
  found: number | undefined,
  l: TableLimits,
) =>
  new TableError(
    line,
    column,
    `A cell${line !== undefined ? ` on line ${count(line)}` : ''}${column ? ` (column "${column.slice(0, 60)}")` : ''} has ${found === undefined ? `more than ${count(l.maxCellChars)} characters` : `${count(found)} characters, more than ${count(l.maxCellChars)}`} (the limit, TABLE_MAX_CELL_CHARS).`,
    422,
    'TABLE_MAX_CELL_CHARS',
  );

export const textTooLarge = (line: number | undefined, l: TableLimits) =>
  new TableError(
    line,
    '',
    `The cells of the table hold more than ${bytesText(l.maxUncompressedBytes)} of text together (the limit, TABLE_MAX_UNCOMPRESSED_BYTES).`,
    413,
    'TABLE_MAX_UNCOMPRESSED_BYTES',
  );
