import type { TableError } from '../core/table-reader/limits.ts';
import { HttpError } from './errors.ts';

/** A file refused by a limit of the table reader (size, rows, columns, cell), not merely malformed. */
export function isTableLimit(e: TableError): boolean {
  return e.limit !== undefined || e.status === 413;
}

/** The problem+json answer for a refused file: 413 for sizes, 422 for rows / columns / cells;
 * `detail` names the limit and the value found. */
export function tableLimitError(e: TableError): HttpError {
  return new HttpError(e.status, e.status === 413 ? 'File too large' : 'Unprocessable file', e.message, [
    { field: 'file', message: e.message },
  ]);
}
