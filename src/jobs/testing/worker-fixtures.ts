import type { JobProgress } from '../job-types.ts';
import { JobFailedError } from '../job-types.ts';

/** Functions run by worker-thread tests (a TypeScript module, loaded in the thread through tsx). */
export async function sumBytes(
  input: { bytes: Uint8Array },
  report: (p: JobProgress) => void,
): Promise<number> {
  let s = 0;
  for (let i = 0; i < input.bytes.length; i++) {
    s += input.bytes[i]!;
    if (i % 1000 === 999) report({ done: i + 1, total: input.bytes.length, phase: 'summing' });
  }
  report({ done: input.bytes.length, total: input.bytes.length, phase: 'summing' });
  return s;
}

export async function failWithRows(): Promise<never> {
  throw new JobFailedError('2 bad rows', [
    { line: 2, column: 'a', reason: 'empty' },
    { line: 5, reason: 'too long' },
  ]);
}

export async function crash(): Promise<never> {
  throw new Error('boom in the worker');
}

/**
 * Blocks its thread (a synchronous wait, as CPU-bound work would) until the main thread stores 1
 * in flag[0]. Reports progress first so the caller knows it is blocking.
 */
export async function blockUntilReleased(
  input: { flag: SharedArrayBuffer },
  report: (p: JobProgress) => void,
): Promise<string> {
  const flag = new Int32Array(input.flag);
  report({ done: 0, total: null, phase: 'blocking' });
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 1000);
  return 'released';
}

/** Spins forever (terminated by abort). */
export async function spinForever(_: unknown, report: (p: JobProgress) => void): Promise<never> {
  report({ done: 0, total: null, phase: 'spinning' });
  for (;;) {
    /* busy */
  }
}
