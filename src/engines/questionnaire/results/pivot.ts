/**
 * Pivot by platform code: for one code list (e.g. `arusha_factor`), what the responses say per code,
 * across top-level questions, repeat groups and matrices:
 *  - a question bound to a code of the list (its number when numeric);
 *  - a matrix whose rows are that code list, or own rows bound to it (with `measure`: that column's number);
 *  - a choice question (also in a repeat group) whose choices are that code list or bound to it; with
 *    `measure`, the number of the question `measure` in the same repeat entry (or at top level).
 * Per code: respondents, observations, sum and mean. In aggregate-only mode a code with fewer than k
 * respondents shows no figure (no totals are given, so nothing follows by subtraction).
 */
import type { Answers } from '../form-state.ts';
import { type Item, type Questionnaire, walkItems } from '../model.ts';
import { observe, type Response } from './observations.ts';
import { type AggregateOptions, minRespondents } from './privacy.ts';

export interface PivotOptions extends AggregateOptions {
  list: string;
  /** A numeric question or matrix column to add up per code. */
  measure?: string;
}

export interface PivotRow {
  code: string;
  respondents: number | null;
  observations: number | null;
  /** Sum and mean of the numbers (null when hidden or when there is no number). */
  sum: number | null;
  mean: number | null;
}

export function pivotByCode(
  q: Questionnaire,
  responses: readonly Response[],
  opts: PivotOptions,
): PivotRow[] {
  const acc = new Map<string, { respondents: Set<string>; obs: number; numbers: number[] }>();
  const put = (code: string, respondent: string, num: unknown) => {
    const a = acc.get(code) ?? { respondents: new Set<string>(), obs: 0, numbers: [] };
    a.respondents.add(respondent);
    a.obs++;
    if (typeof num === 'number' && Number.isFinite(num)) a.numbers.push(num);
    acc.set(code, a);
  };
  const boundChoices = (
    source: { list: string } | { codeList: string },
  ): Map<string, string> | 'all' | null => {
    if ('codeList' in source) return source.codeList === opts.list ? 'all' : null;
    const map = new Map<string, string>();
    for (const c of q.choiceLists[source.list] ?? [])
      if (c.binding?.list === opts.list) map.set(c.name, c.binding.code);
    return map.size > 0 ? map : null;
  };
  const toCode = (m: Map<string, string> | 'all', v: string) => (m === 'all' ? v : m.get(v));

  for (const { item, matrix } of walkItems(q.items)) {
    if (matrix) continue;
    if (item.binding?.list === opts.list && opts.measure === undefined && !isContainer(item)) {
      for (const o of observe(q, responses, item.code)) put(item.binding.code, o.respondent, o.value);
    }
    if (item.type === 'matrix') {
      const rows = boundChoices(item.rows);
      if (!rows) continue;
      const column =
        opts.measure === undefined ? undefined : item.columns.find((c) => c.code === opts.measure);
      if (opts.measure !== undefined && !column) continue;
      // without a measure, a matrix row counts once however many cells it has
      const seen = new Set<object>();
      for (const col of column ? [column] : item.columns)
        for (const o of observe(q, responses, col.code)) {
          const code = toCode(rows, o.row!);
          if (code === undefined) continue;
          if (!column && seen.has(o.scope)) continue;
          seen.add(o.scope);
          put(code, o.respondent, column ? o.value : undefined);
        }
    }
    if (item.type === 'select_one' || item.type === 'select_multiple') {
      const choices = boundChoices(item.choices);
      if (!choices) continue;
      for (const o of observe(q, responses, item.code)) {
        const num = opts.measure === undefined ? undefined : (o.scope as Answers)[opts.measure];
        if (opts.measure !== undefined && num === undefined) continue;
        for (const v of Array.isArray(o.value) ? o.value : [o.value]) {
          const code = typeof v === 'string' ? toCode(choices, v) : undefined;
          if (code !== undefined) put(code, o.respondent, num);
        }
      }
    }
  }
  const k = minRespondents(opts);
  return [...acc.keys()].sort().map((code) => {
    const a = acc.get(code)!;
    const ok = a.respondents.size >= k;
    const sum = a.numbers.reduce((s, x) => s + x, 0);
    return {
      code,
      respondents: ok ? a.respondents.size : null,
      observations: ok ? a.obs : null,
      sum: ok && a.numbers.length > 0 ? sum : null,
      mean: ok && a.numbers.length > 0 ? sum / a.numbers.length : null,
    };
  });
}

const isContainer = (item: Item) => item.type === 'group' || item.type === 'repeat' || item.type === 'matrix';
