import { JobFailedError, runInWorker } from '../../jobs/index.ts';
import type { TASKS, TaskName } from './risk-tasks.ts';

type Output<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
type Input<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export interface TaskProgress {
  done: number;
  total: number | null;
  phase?: string;
}

/** An error a task threw in its worker (its message is meant for the analyst: bad rows, too few labels …). */
export class TaskError extends Error {}

const TASKS_MODULE = new URL('./risk-tasks.ts', import.meta.url);

/**
 * Runs a risk task (an exported function of risk-tasks.ts) in a worker thread through the job
 * module's runInWorker, so reading, training and scoring never block the event loop. A progress
 * callback that rejects (the job was cancelled) stops the worker, as does the signal.
 */
export async function runRiskTask<N extends TaskName>(
  name: N,
  input: Input<N>,
  opts: { onProgress?: (p: TaskProgress) => unknown; signal?: AbortSignal } = {},
): Promise<Output<N>> {
  try {
    return await runInWorker<Input<N>, Output<N>>(TASKS_MODULE, name, input, {
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    if (opts.signal?.aborted || e instanceof JobFailedError || !(e instanceof Error)) throw e;
    if (e.name === 'JobCancelledError') throw e;
    throw new TaskError(e.message);
  }
}
