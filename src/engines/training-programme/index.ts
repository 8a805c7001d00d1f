/** The training-programme engine: a pure library (no platform imports). */

export { SolverError } from './highs-runner.ts';
export { greatCircleKm, ProgrammeInputError } from './instance.ts';
export { greedyProgramme, solveProgramme } from './solve.ts';
export * from './types.ts';
