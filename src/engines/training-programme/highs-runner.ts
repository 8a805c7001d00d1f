/**
 * Runs one CPLEX-LP-format model through HiGHS (WebAssembly, `highs` on npm) and reads the
 * solution back by column name. HiGHS runs synchronously; after any exception the loaded module
 * is dropped and the next solve loads a fresh one (a failed WebAssembly instance is not reused).
 */
import type { Highs } from 'highs';
import highsLoader from 'highs';

export class SolverError extends Error {}

type HighsModule = Highs;
// The package's types describe a CommonJS module; under ESM the default export is the loader.
const loadHighs = highsLoader as unknown as () => Promise<Highs>;
let cached: Promise<HighsModule> | null = null;

async function highs(): Promise<HighsModule> {
  cached ??= loadHighs();
  try {
    return await cached;
  } catch (e) {
    cached = null;
    throw new SolverError(`The HiGHS solver could not be loaded: ${(e as Error).message}`);
  }
}

export interface LpResult {
  /** HiGHS model status name: Optimal, Time limit reached, Infeasible, … */
  status: string;
  /** True when the values hold a feasible solution (optimal or the incumbent at a limit). */
  feasible: boolean;
  objective: number;
  /** Relative MIP gap (0 when optimal; Infinity without an incumbent). */
  mipGap: number;
  values: Map<string, number>;
  seconds: number;
}

export interface LpOptions {
  timeLimitSeconds: number;
  mipRelGap: number;
  /** A start solution by column name (columns not named start at 0). */
  start?: Map<string, number>;
}

const STATUS_NAMES: Record<number, string> = {
  0: 'Not set',
  1: 'Load error',
  2: 'Model error',
  3: 'Presolve error',
  4: 'Solve error',
  5: 'Postsolve error',
  6: 'Empty',
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Primal infeasible or unbounded',
  10: 'Unbounded',
  11: 'Bound on objective reached',
  12: 'Target for objective reached',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  15: 'Unknown',
  16: 'Solution limit reached',
  17: 'Interrupted',
};

/** Solves `lp` (CPLEX LP text). Throws SolverError when the text or the solution cannot be read. */
export async function solveLp(lp: string, opts: LpOptions): Promise<LpResult> {
  const h = await highs();
  const t0 = performance.now();
  try {
    const model = h.createModel({ format: 'lp', data: lp });
    try {
      model.options.set({
        output_flag: false,
        time_limit: Math.max(0.1, opts.timeLimitSeconds),
        mip_rel_gap: opts.mipRelGap,
      });
      const n = model.getDimensions().numCols;
      if (n === 0) throw new SolverError('The model read from the LP text has no columns.');
      const names: string[] = [];
      for (let i = 0; i < n; i++) names.push(model.getColName(i));
      if (opts.start?.size) {
        const col = new Map(names.map((name, i) => [name, i]));
        const colValue = new Float64Array(n);
        for (const [name, v] of opts.start) {
          const i = col.get(name);
          if (i !== undefined) colValue[i] = v;
        }
        model.setSolution({ colValue });
      }
      model.run();
      const code = model.getModelStatus();
      const status = STATUS_NAMES[code] ?? `Status ${code}`;
      if (code >= 1 && code <= 5) throw new SolverError(`HiGHS could not solve the model: ${status}.`);
      const infoNumber = (name: string): number => {
        try {
          return Number(model.info.get(name));
        } catch {
          return Number.NaN;
        }
      };
      const primal = infoNumber('primal_solution_status');
      const feasible = code === 7 || primal === 2;
      const values = new Map<string, number>();
      if (feasible) {
        const colValue = model.getSolution().colValue;
        if (colValue.length !== n) throw new SolverError('HiGHS returned a solution of the wrong length.');
        for (let i = 0; i < n; i++) {
          const v = colValue[i];
          const name = names[i] as string;
          if (v === undefined || !Number.isFinite(v))
            throw new SolverError(`HiGHS returned no number for column ${name}.`);
          values.set(name, v);
        }
      }
      const gap = infoNumber('mip_gap');
      return {
        status,
        feasible,
        objective: feasible ? model.getObjectiveValue() : Number.NaN,
        mipGap:
          code === 7 ? Math.max(0, Number.isFinite(gap) ? gap : 0) : Number.isFinite(gap) ? gap : Infinity,
        values,
        seconds: (performance.now() - t0) / 1000,
      };
    } finally {
      model.dispose();
    }
  } catch (e) {
    if (e instanceof SolverError) throw e;
    cached = null; // never reuse an instance that threw
    throw new SolverError(`HiGHS failed: ${(e as Error).message}`);
  }
}

/** Test hook: forget the loaded module (the next solve loads a fresh one). */
export function resetSolver(): void {
  cached = null;
}
