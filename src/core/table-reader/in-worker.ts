import { runInWorker } from '../../jobs/worker-thread.ts';
import { type Table, TableError, type TableFormat, type TableReadOptions } from './index.ts';
import type { ReadTableTaskInput, readTableTask } from './worker-task.ts';

const TASK = new URL('./worker-task.ts', import.meta.url);

export interface InWorkerOptions {
  /** Progress of the read (e.g. a job's `ctx.progress`; phase "reading"). */
  onProgress?: (p: { done: number; total: number | null; phase?: string }) => unknown;
  /** Aborting terminates the worker (a cancelled job). */
  signal?: AbortSignal;
}

/**
 * readTable in a worker thread, so that parsing a large or hostile file never blocks the event
 * loop (health checks and other requests are answered meanwhile). The bytes are copied to the
 * worker (the caller keeps its buffer, e.g. to store it with a job). Throws TableError as
 * readTable does.
 */
export async function readTableInWorker(
  format: TableFormat,
  bytes: Uint8Array,
  opts: Omit<TableReadOptions, 'onProgress'>,
  run: InWorkerOptions = {},
): Promise<Table> {
  const out = await runInWorker<ReadTableTaskInput, Awaited<ReturnType<typeof readTableTask>>>(
    TASK,
    'readTableTask',
    { format, bytes, opts },
    {
      ...(run.onProgress ? { onProgress: run.onProgress } : {}),
      ...(run.signal ? { signal: run.signal } : {}),
    },
  );
  if ('error' in out) throw TableError.fromData(out.error);
  return out.table;
}
