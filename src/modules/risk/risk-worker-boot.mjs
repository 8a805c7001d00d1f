// Worker-thread bootstrap: Node 20 does not apply tsx's --import hooks to a .ts worker entry, so
// register tsx here, then load the TypeScript entry. Compiled builds can point at a .js entry.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
