import { describe, expect, it } from 'vitest';
import { JobFailedError, type JobProgress } from './job-types.ts';
import { runInWorker } from './worker-thread.ts';

const fixtures = new URL('./testing/worker-fixtures.ts', import.meta.url);

describe('runInWorker', () => {
  it('runs an exported function of a TypeScript module in a thread, relays progress, moves a transferred buffer', async () => {
    const bytes = new Uint8Array(5000).fill(2);
    const seen: JobProgress[] = [];
    const sum = await runInWorker<{ bytes: Uint8Array }, number>(
      fixtures,
      'sumBytes',
      { bytes },
      { onProgress: (p) => void seen.push(p), transfer: [bytes.buffer] },
    );
    expect(sum).toBe(10_000);
    // transferred, not copied: the sender's buffer is detached
    expect(bytes.byteLength).toBe(0);
    expect(seen.at(-1)).toEqual({ done: 5000, total: 5000, phase: 'summing' });
    expect(seen.length).toBeGreaterThan(1);
  });

  it('propagates errors with their message, and JobFailedError with its errors', async () => {
    await expect(runInWorker(fixtures, 'crash', null)).rejects.toThrow('boom in the worker');
    const err = (await runInWorker(fixtures, 'failWithRows', null).catch(
      (e: unknown) => e,
    )) as JobFailedError;
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err.errors).toEqual([
      { line: 2, column: 'a', reason: 'empty' },
      { line: 5, reason: 'too long' },
    ]);
    await expect(runInWorker(fixtures, 'nope', null)).rejects.toThrow('no exported function nope');
  });

  it('keeps the event loop free while the thread blocks', async () => {
    const flag = new SharedArrayBuffer(4);
    const events: string[] = [];
    let blocking!: () => void;
    const started = new Promise<void>((r) => {
      blocking = r;
    });
    const run = runInWorker<{ flag: SharedArrayBuffer }, string>(
      fixtures,
      'blockUntilReleased',
      { flag },
      {
        onProgress: () => blocking(),
      },
    );
    await started;
    // The worker thread is blocked in Atomics.wait; timers and I/O of this thread still run.
    await new Promise((r) => setImmediate(r));
    events.push('main thread answered');
    Atomics.store(new Int32Array(flag), 0, 1);
    Atomics.notify(new Int32Array(flag), 0);
    events.push(await run);
    expect(events).toEqual(['main thread answered', 'released']);
  });

  it('abort terminates a busy thread and rejects with the reason; a throwing onProgress stops it too', async () => {
    const ac = new AbortController();
    const run = runInWorker(fixtures, 'spinForever', null, {
      signal: ac.signal,
      onProgress: () => ac.abort(new Error('stop now')),
    });
    await expect(run).rejects.toThrow('stop now');
    const run2 = runInWorker(fixtures, 'spinForever', null, {
      onProgress: async () => {
        throw new Error('cancelled by the user');
      },
    });
    await expect(run2).rejects.toThrow('cancelled by the user');
  });
});
