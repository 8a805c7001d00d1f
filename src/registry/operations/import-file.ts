import type { TableLimits } from '../../core/table-reader/index.ts';
import type { Database } from '../../db/connection.ts';
import type { JobProgress } from '../../jobs/job-types.ts';
import type { KindDefinition } from '../definition.ts';
import { formatOf, readTable, TableError } from '../import/read-table.ts';
import { analyseImport, type ImportAnalysis } from '../import/registry-import.ts';
import type { UserActor } from './types.ts';

export const UNSUPPORTED_FILE = 'Upload a .csv, .xlsx or .json file.';
export const fileProblems = (n: number) =>
  `${n} problem(s) in the file: nothing was imported. Fix them and upload again.`;

export type FileCheck =
  | { ok: true; analysis: ImportAnalysis }
  | { ok: false; unsupported: true }
  | { ok: false; unsupported: false; error: TableError };

/**
 * Reads an import file (the bounded table reader, in a worker thread) and checks every row as the
 * actor would write it: what a dry run reports and the rows a commit stages. Nothing is written.
 * The import route and the `registry.import` job (which checks the stored file again) both call it.
 */
export async function checkImportFile(
  db: Database,
  a: UserActor,
  kind: KindDefinition,
  file: { name: string; bytes: Uint8Array },
  opts: {
    language: string;
    limits: TableLimits;
    progress?: (p: JobProgress) => Promise<void>;
    signal?: AbortSignal;
  },
): Promise<FileCheck> {
  const format = formatOf(file.name);
  if (!format) return { ok: false, unsupported: true };
  const { progress } = opts;
  await progress?.({ done: 0, total: null, phase: 'reading' });
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(format, file.bytes, opts.limits, {
      ...(progress ? { onProgress: (p) => progress({ ...p, phase: 'reading' }) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    if (e instanceof TableError) return { ok: false, unsupported: false, error: e };
    throw e;
  }
  await progress?.({ done: 0, total: table.rows.length, phase: 'validating' });
  return { ok: true, analysis: await analyseImport(db, a, kind, table, opts.language) };
}
