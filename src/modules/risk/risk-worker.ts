import { Worker } from 'node:worker_threads';
import type { TASKS, TaskName } from './risk-tasks.ts';

type Output<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
type Input<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export interface TaskProgress {
  done: number;
  total: number | null;
  phase: string;
}

/** The error a task threw in its worker (its message is meant for the analyst). */
export class TaskError extends Error {}

const ENTRY = new URL('./risk-worker-entry.ts', import.meta.url);
const BOOT = new URL('./risk-worker-boot.mjs', import.meta.url);

/**
 * Runs a risk task (risk-tasks.ts) in a worker thread, so training and scoring never block the
 * event loop. The worker loads TypeScript through tsx. Aborting the signal terminates the worker.
 */
export function runRiskTask<N extends TaskName>(
  name: N,
  input: Input<N>,
  opts: { onProgress?: (p: TaskProgress) => void; signal?: AbortSignal } = {},
): Promise<Output<N>> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new Error('cancelled'));
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY.href, name, input } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => finish(() => reject(new Error('cancelled')));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on(
      'message',
      (m: { type: string; progress?: TaskProgress; result?: unknown; message?: string }) => {
        if (m.type === 'progress') opts.onProgress?.(m.progress!);
        else if (m.type === 'result') finish(() => resolve(m.result as Output<N>));
        else if (m.type === 'error') finish(() => reject(new TaskError(m.message)));
      },
    );
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`risk worker stopped (exit code ${code})`))));
  });
}
