/**
 * Reading an import file (registry kinds, screening files): the one bounded table reader of
 * src/core/table-reader, run in a worker thread. CSV lines starting with "#" are comments and
 * XLSX rows before the header starting with "#" are skipped (exports start with the marking).
 */
import { type InWorkerOptions, readTableInWorker } from '../../core/table-reader/in-worker.ts';
import { type Table, type TableLimits, formatOf as tableFormatOf } from '../../core/table-reader/index.ts';

export { type Table, TableError, type TableRow } from '../../core/table-reader/index.ts';

export type TableFormat = 'csv' | 'xlsx' | 'json';

export function formatOf(filename: string): TableFormat | null {
  const f = tableFormatOf(filename);
  return f === 'jsonl' ? null : f;
}

/** Reads an uploaded CSV, XLSX or JSON file into rows, off the main thread and within the limits. */
export function readTable(
  format: TableFormat,
  bytes: Uint8Array,
  limits: TableLimits,
  run: InWorkerOptions = {},
): Promise<Table> {
  return readTableInWorker(format, bytes, { limits, comment: '#', trim: true }, run);
}
