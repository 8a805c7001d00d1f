import { HttpError } from './errors.ts';

/**
 * What these helpers read of the table reader's `TableError` (src/core/table-reader/limits.ts):
 * described here rather than imported, so that src/http stays below src/core.
 */
export interface TableFailure {
  message: string;
  status: number;
  /** The limit that refused the file (TABLE_MAX_*); absent when the file is merely malformed. */
  limit?: string | undefined;
}

/** A file refused by a limit of the table reader (size, rows, columns, cell), not merely malformed. */
export function isTableLimit(e: TableFailure): boolean {
  return e.limit !== undefined || e.status === 413;
}

/** The problem+json answer for a refused file: 413 for sizes, 422 for rows / columns / cells;
 * `detail` names the limit and the value found. */
export function tableLimitError(e: TableFailure): HttpError {
  return new HttpError(e.status, e.status === 413 ? 'File too large' : 'Unprocessable file', e.message, [
    { field: 'file', message: e.message },
  ]);
}
