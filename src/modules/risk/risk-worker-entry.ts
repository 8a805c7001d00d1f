/** Worker-thread entry: runs one risk task and posts progress and the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { TASKS, type TaskName } from './risk-tasks.ts';

const { name, input } = workerData as { name: TaskName; input: unknown };
const task = TASKS[name] as (input: unknown, progress: (p: unknown) => void) => Promise<unknown>;
task(input, (p) => parentPort!.postMessage({ type: 'progress', progress: p }))
  .then((result) => parentPort!.postMessage({ type: 'result', result }))
  .catch((e: Error) => parentPort!.postMessage({ type: 'error', message: e.message, name: e.name }));
