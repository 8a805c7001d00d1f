/**
 * Runs in a worker thread (runInWorker): the solver is synchronous, so the server keeps answering
 * while it works, and cancelling the job terminates the thread. Imports the engine only.
 */

import type { Programme, ProgrammeInput } from '../../engines/training-programme/index.ts';
import { solveProgramme } from '../../engines/training-programme/index.ts';

export interface ProgrammeTaskInput {
  input: ProgrammeInput;
  timeLimitSeconds: number;
}

export async function solveProgrammeTask(
  task: ProgrammeTaskInput,
  report: (p: { done: number; total: number; phase: string }) => void,
): Promise<Programme> {
  return solveProgramme(task.input, {
    timeLimitSeconds: task.timeLimitSeconds,
    onProgress: (p) => report({ ...p, phase: `programme_${p.phase}` }),
  });
}
