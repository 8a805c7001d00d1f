// The long-lived thread that reads attached files' text (see in-worker.ts). Plain JavaScript so
// that it loads without a TypeScript loader; it registers tsx's ESM hooks itself (as
// src/jobs/worker-bootstrap.mjs does) and then answers one request after another.
import { parentPort } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const { extractDocumentText } = await import('./extract.ts');

parentPort.on('message', async ({ id, input }) => {
  try {
    const value = await extractDocumentText(input, () => parentPort.postMessage({ id, started: true }));
    parentPort.postMessage({ id, value });
  } catch (err) {
    parentPort.postMessage({ id, error: err?.message ?? String(err) });
  }
});
parentPort.postMessage({ ready: true });
