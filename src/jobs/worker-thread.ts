import { type Transferable, Worker } from 'node:worker_threads';
import { type JobError, JobFailedError, type JobProgress } from './job-types.ts';

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

export interface RunInWorkerOptions {
  /** Called with each progress report of the worker (e.g. `ctx.progress`); if it throws (the job
   * was cancelled), the worker is terminated and runInWorker rejects with that error. */
  onProgress?: (p: JobProgress) => unknown;
  /** Aborting terminates the worker; runInWorker rejects with the signal's reason. */
  signal?: AbortSignal;
  /** ArrayBuffers (or MessagePorts) inside `input` to move to the worker instead of copying them.
   * A SharedArrayBuffer is shared without being listed. */
  transfer?: readonly Transferable[];
  /** Heap limit of the worker, in MB. */
  maxOldGenerationSizeMb?: number;
}

/**
 * Runs `export async function <exportName>(input, reportProgress)` of the module at `moduleUrl`
 * in a worker thread, so CPU-heavy work (model training, scoring, screening) never blocks the
 * event loop. `input` is passed by structured clone (Buffers, typed arrays, Maps …): move big
 * binary inputs with `transfer`, or pass a file path, rather than a giant JSON string.
 * Works under `tsx` (the thread inherits its loader) and under vitest (the bootstrap registers tsx).
 * An error thrown in the worker rejects with its message (a `JobFailedError` keeps its errors).
 */
export function runInWorker<I, O>(
  moduleUrl: URL,
  exportName: string,
  input: I,
  opts: RunInWorkerOptions = {},
): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(abortReason(opts.signal));
      return;
    }
    const worker = new Worker(BOOTSTRAP, {
      workerData: { moduleUrl: moduleUrl.href, exportName, input },
      transferList: opts.transfer ? [...opts.transfer] : [],
      ...(opts.maxOldGenerationSizeMb
        ? { resourceLimits: { maxOldGenerationSizeMb: opts.maxOldGenerationSizeMb } }
        : {}),
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const stopWith = (err: unknown) => {
      settle(() => reject(err));
      void worker.terminate();
    };
    const onAbort = () => stopWith(abortReason(opts.signal!));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on(
      'message',
      (m: {
        type: string;
        progress?: JobProgress;
        value?: O;
        name?: string;
        message?: string;
        errors?: JobError[];
      }) => {
        if (m.type === 'progress' && opts.onProgress) {
          try {
            const r = opts.onProgress(m.progress!);
            if (r instanceof Promise) r.catch(stopWith);
          } catch (err) {
            stopWith(err);
          }
        } else if (m.type === 'result') {
          settle(() => resolve(m.value as O));
          void worker.terminate();
        } else if (m.type === 'error') {
          const err =
            m.name === 'JobFailedError' || m.errors
              ? new JobFailedError(m.message ?? 'The job failed.', m.errors ?? [])
              : new Error(m.message ?? 'The worker failed.');
          stopWith(err);
        }
      },
    );
    worker.on('error', (err) => stopWith(err));
    worker.on('exit', (code) => {
      if (!settled) settle(() => reject(new Error(`The worker thread stopped (exit code ${code}).`)));
    });
  });
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('The work was cancelled.');
}
