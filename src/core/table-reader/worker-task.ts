/** The worker-thread side of readTableInWorker (loaded by src/jobs/worker-bootstrap.mjs). */
import {
  readTable,
  type Table,
  TableError,
  type TableErrorData,
  type TableFormat,
  type TableReadOptions,
} from './index.ts';

export interface ReadTableTaskInput {
  format: TableFormat;
  bytes: Uint8Array;
  opts: Omit<TableReadOptions, 'onProgress'>;
}

/** A TableError comes back as data (a structured clone keeps no class), anything else is thrown. */
export async function readTableTask(
  input: ReadTableTaskInput,
  report: (p: { done: number; total: number | null; phase: string }) => void,
): Promise<{ table: Table } | { error: TableErrorData }> {
  try {
    const table = await readTable(input.format, input.bytes, {
      ...input.opts,
      onProgress: (rows) => report({ done: rows, total: null, phase: 'reading' }),
    });
    return { table };
  } catch (e) {
    if (e instanceof TableError) return { error: e.toData() };
    throw e;
  }
}
