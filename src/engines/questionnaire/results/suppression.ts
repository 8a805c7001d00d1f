/**
 * Small-cell protection for aggregate-only results. Every visible figure must rest on at least k
 * respondents (administrations). Additive tables (cells that sum to a total) also get complementary
 * suppression, so that no hidden cell follows from the visible figures by subtraction:
 *  1. primary: a cell backed by fewer than k respondents is hidden (zeros too);
 *  2. in every equation (parts = total) either no figure is hidden or at least two are, and when the
 *     total is visible the hidden parts together rest on at least k respondents (else their sum is a
 *     small cell); the smallest visible part is hidden next, or the total when no part is left;
 *  3. exact check: a hidden figure that the visible ones determine through the equations (linear
 *     algebra over all equations together) makes the smallest visible part of one of its equations hidden.
 * Steps 2–3 repeat until nothing changes.
 */

export interface Equation {
  /** Indices of the cells that add up to `total`. */
  parts: number[];
  total: number;
}

/** Hidden flags for the cells: `values` the figures, `respondents` how many respondents back each. */
export function suppress(
  values: readonly number[],
  respondents: readonly number[],
  equations: readonly Equation[],
  k: number,
): boolean[] {
  const hidden = respondents.map((n) => n < k);
  const hideSmallest = (eq: Equation): boolean => {
    let best = -1;
    for (const i of eq.parts) if (!hidden[i] && (best < 0 || values[i]! < values[best]!)) best = i;
    if (best < 0 && !hidden[eq.total]) best = eq.total;
    if (best < 0) return false;
    hidden[best] = true;
    return true;
  };
  for (let guard = 0; guard <= values.length + 1; guard++) {
    let changed = false;
    for (const eq of equations) {
      const hiddenParts = eq.parts.filter((i) => hidden[i]);
      const unknowns = hiddenParts.length + (hidden[eq.total] ? 1 : 0);
      const hiddenSum = hiddenParts.reduce((s, i) => s + respondents[i]!, 0);
      if (unknowns === 1 || (!hidden[eq.total] && hiddenParts.length > 0 && hiddenSum < k))
        changed = hideSmallest(eq) || changed;
    }
    if (changed) continue;
    const determined = determinedCells(hidden, equations, values.length);
    if (determined.length === 0) break;
    for (const cell of determined) {
      const eq = equations.find((e) => e.total === cell || e.parts.includes(cell));
      if (eq && hideSmallest(eq)) {
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return hidden;
}

/**
 * The hidden cells whose value the visible ones determine: x_i is determined when every solution of
 * the homogeneous system over the hidden cells has x_i = 0 (row reduction of the equations).
 */
export function determinedCells(
  hidden: readonly boolean[],
  equations: readonly Equation[],
  size: number,
): number[] {
  const unknown: number[] = [];
  const col = new Map<number, number>();
  for (let i = 0; i < size; i++)
    if (hidden[i]) {
      col.set(i, unknown.length);
      unknown.push(i);
    }
  if (unknown.length === 0) return [];
  const rows: number[][] = [];
  for (const eq of equations) {
    const r = new Array<number>(unknown.length).fill(0);
    let any = false;
    for (const p of eq.parts)
      if (col.has(p)) {
        r[col.get(p)!]! += 1;
        any = true;
      }
    if (col.has(eq.total)) {
      r[col.get(eq.total)!]! -= 1;
      any = true;
    }
    if (any) rows.push(r);
  }
  // reduced row echelon form
  const pivots: number[] = [];
  let lead = 0;
  for (let c = 0; c < unknown.length && lead < rows.length; c++) {
    let p = -1;
    for (let r = lead; r < rows.length; r++) if (Math.abs(rows[r]![c]!) > 1e-9) p = r;
    if (p < 0) continue;
    [rows[lead], rows[p]] = [rows[p]!, rows[lead]!];
    const pr = rows[lead]!;
    const f = pr[c]!;
    for (let j = 0; j < pr.length; j++) pr[j]! /= f;
    for (let r = 0; r < rows.length; r++) {
      if (r === lead) continue;
      const g = rows[r]![c]!;
      if (Math.abs(g) > 1e-12) for (let j = 0; j < pr.length; j++) rows[r]![j]! -= g * pr[j]!;
    }
    pivots.push(c);
    lead++;
  }
  const out: number[] = [];
  pivots.forEach((c, r) => {
    const row = rows[r]!;
    // determined when the pivot row has no free variable
    if (row.every((v, j) => j === c || Math.abs(v) < 1e-9)) out.push(unknown[c]!);
  });
  return out;
}

/** The equations of a table with row totals, column totals and a grand total, cells row by row. */
export function tableEquations(nRows: number, nCols: number) {
  // layout: cells r*nCols+c; row totals after the cells; column totals after those; grand total last
  const cell = (r: number, c: number) => r * nCols + c;
  const rowTotal = (r: number) => nRows * nCols + r;
  const colTotal = (c: number) => nRows * nCols + nRows + c;
  const grand = nRows * nCols + nRows + nCols;
  const equations: Equation[] = [];
  for (let r = 0; r < nRows; r++)
    equations.push({ parts: Array.from({ length: nCols }, (_, c) => cell(r, c)), total: rowTotal(r) });
  for (let c = 0; c < nCols; c++)
    equations.push({ parts: Array.from({ length: nRows }, (_, r) => cell(r, c)), total: colTotal(c) });
  equations.push({ parts: Array.from({ length: nRows }, (_, r) => rowTotal(r)), total: grand });
  equations.push({ parts: Array.from({ length: nCols }, (_, c) => colTotal(c)), total: grand });
  return { equations, cell, rowTotal, colTotal, grand, size: grand + 1 };
}
