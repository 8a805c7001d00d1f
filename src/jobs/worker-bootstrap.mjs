// Entry of every job worker thread (see worker-thread.ts). Plain JavaScript so that it loads
// without a TypeScript loader; it registers tsx's ESM hooks itself when the target module is
// TypeScript (on Node 20 the parent's `tsx` loader does not reach worker threads, and vitest's
// transform never does).
import { parentPort, workerData } from 'node:worker_threads';

const { moduleUrl, exportName, input } = workerData;
try {
  const path = new URL(moduleUrl).pathname;
  if (/\.[cm]?tsx?$/.test(path)) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  const mod = await import(moduleUrl);
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`${moduleUrl} has no exported function ${exportName}`);
  const report = (p) => parentPort.postMessage({ type: 'progress', progress: p });
  const value = await fn(input, report);
  parentPort.postMessage({ type: 'result', value });
} catch (err) {
  parentPort.postMessage({
    type: 'error',
    name: err?.name ?? 'Error',
    message: err?.message ?? String(err),
    stack: err?.stack,
    errors: Array.isArray(err?.errors) ? err.errors : undefined,
  });
}
