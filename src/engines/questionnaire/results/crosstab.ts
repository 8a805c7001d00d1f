/**
 * Cross-tabulation of two single-valued categorical questions (top level: select_one, yes/no,
 * scale): respondents per pair of answers, with row, column and grand totals. In aggregate-only
 * mode small cells are hidden with complementary suppression over all totals.
 */
import type { Questionnaire } from '../model.ts';
import { categoriesOf, categoryKeys, isCategorical } from './categories.ts';
import { isSingleValued, observe, placeOf, type Response } from './observations.ts';
import { type AggregateOptions, minRespondents } from './privacy.ts';
import { suppress, tableEquations } from './suppression.ts';

export interface Crosstab {
  rowCode: string;
  colCode: string;
  rows: string[];
  cols: string[];
  /** Respondents per cell, rows × cols (null: hidden). */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  total: number | null;
}

export class ResultError extends Error {}

export function crosstab(
  q: Questionnaire,
  responses: readonly Response[],
  rowCode: string,
  colCode: string,
  opts: AggregateOptions = {},
): Crosstab {
  for (const code of [rowCode, colCode]) {
    const place = placeOf(q, code);
    if (!isCategorical(place.item.type) || place.item.type === 'select_multiple' || !isSingleValued(place))
      throw new ResultError(
        `"${code}" is not a single-valued top-level choice question (select_one, yes/no, scale)`,
      );
  }
  const a = new Map(observe(q, responses, rowCode).map((o) => [o.respondent, categoryKeys(o.value)[0]!]));
  const b = new Map(observe(q, responses, colCode).map((o) => [o.respondent, categoryKeys(o.value)[0]!]));
  const pairs = [...a].filter(([r]) => b.has(r)).map(([r, v]) => [v, b.get(r)!] as const);
  const rows = categoriesOf(
    q,
    placeOf(q, rowCode).item,
    pairs.map((p) => p[0]),
  );
  const cols = categoriesOf(
    q,
    placeOf(q, colCode).item,
    pairs.map((p) => p[1]),
  );
  const t = tableEquations(rows.length, cols.length);
  const values = new Array<number>(t.size).fill(0);
  for (const [x, y] of pairs) {
    const r = rows.indexOf(x);
    const c = cols.indexOf(y);
    values[t.cell(r, c)]! += 1;
    values[t.rowTotal(r)]! += 1;
    values[t.colTotal(c)]! += 1;
    values[t.grand]! += 1;
  }
  const k = minRespondents(opts);
  const hidden = k > 0 ? suppress(values, values, t.equations, k) : values.map(() => false);
  const show = (i: number) => (hidden[i] ? null : values[i]!);
  return {
    rowCode,
    colCode,
    rows,
    cols,
    cells: rows.map((_, r) => cols.map((_, c) => show(t.cell(r, c)))),
    rowTotals: rows.map((_, r) => show(t.rowTotal(r))),
    colTotals: cols.map((_, c) => show(t.colTotal(c))),
    total: show(t.grand),
  };
}
