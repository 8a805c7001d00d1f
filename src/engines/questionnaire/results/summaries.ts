/**
 * Per-question summaries: counts and percentages for choices (multiple choice counts respondents, so
 * percentages can add up to more than 100 %), n / mean / median / quartiles for numbers, text as a
 * list. In aggregate-only mode figures on fewer than k respondents are hidden (null) with
 * complementary suppression, no minimum or maximum is given, and free text and files are withheld.
 */
import { isNumericType, isQuestion, type Questionnaire } from '../model.ts';
import { categoriesOf, categoryKeys, isCategorical } from './categories.ts';
import { isSingleValued, observe, placeOf, type Response } from './observations.ts';
import { type AggregateOptions, minRespondents } from './privacy.ts';
import { describe } from './stats.ts';
import { suppress } from './suppression.ts';

export interface CategoryFigure {
  value: string;
  /** Respondents who gave this answer (null: hidden). */
  count: number | null;
  /** Percentage of the respondents who answered (null: hidden). */
  percent: number | null;
}

export type Summary =
  | {
      kind: 'choice';
      code: string;
      /** Respondents who answered (null: hidden). */
      n: number | null;
      /** True when one respondent can count in several categories (totals can pass 100 %). */
      multiple: boolean;
      categories: CategoryFigure[];
    }
  | {
      kind: 'number';
      code: string;
      n: number | null;
      /** Values (repeat entries and matrix rows each count). */
      count: number | null;
      mean: number | null;
      median: number | null;
      q1: number | null;
      q3: number | null;
      /** Only outside aggregate-only mode. */
      min?: number;
      max?: number;
    }
  | { kind: 'text'; code: string; n: number | null; values?: string[]; withheld?: true }
  | { kind: 'count'; code: string; n: number | null };

const pct = (a: number, b: number): number => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);

export function summarize(
  q: Questionnaire,
  responses: readonly Response[],
  code: string,
  opts: AggregateOptions = {},
): Summary {
  const place = placeOf(q, code);
  const item = place.item;
  const k = minRespondents(opts);
  const obs = observe(q, responses, code);
  const respondents = new Set(obs.map((o) => o.respondent));
  const n = respondents.size;
  const nVisible = n >= k ? n : null;

  if (isCategorical(item.type)) {
    const byCat = new Map<string, Set<string>>();
    for (const o of obs)
      for (const key of categoryKeys(o.value)) {
        const set = byCat.get(key) ?? new Set<string>();
        set.add(o.respondent);
        byCat.set(key, set);
      }
    const cats = categoriesOf(q, item, byCat.keys());
    const counts = cats.map((c) => byCat.get(c)?.size ?? 0);
    const multiple = item.type === 'select_multiple' || !isSingleValued(place);
    let hidden = counts.map(() => false);
    let totalHidden = false;
    if (k > 0) {
      // parts = the categories, total = n; additive only when each respondent counts once
      const values = [...counts, n];
      const flags = multiple
        ? values.map((v) => v < k)
        : suppress(values, values, [{ parts: counts.map((_, i) => i), total: counts.length }], k);
      hidden = flags.slice(0, counts.length);
      totalHidden = flags[counts.length]!;
      if (multiple)
        // the complement (n − count) is a figure too: hide when it rests on fewer than k respondents
        hidden = hidden.map((h, i) => h || totalHidden || n - counts[i]! < k);
    }
    return {
      kind: 'choice',
      code,
      n: totalHidden ? null : n,
      multiple,
      categories: cats.map((value, i) => ({
        value,
        count: hidden[i] ? null : counts[i]!,
        percent: hidden[i] || totalHidden ? null : pct(counts[i]!, n),
      })),
    };
  }
  if (isNumericType(item.type) || item.type === 'calculate') {
    const values = obs
      .map((o) => o.value)
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const d = describe(values);
    const show = n >= k && values.length > 0;
    return {
      kind: 'number',
      code,
      n: nVisible,
      count: n >= k ? d.count : null,
      mean: show ? d.mean : null,
      median: show ? d.median : null,
      q1: show ? d.q1 : null,
      q3: show ? d.q3 : null,
      ...(k === 0 && values.length > 0 ? { min: d.min, max: d.max } : {}),
    };
  }
  if (isQuestion(item) && (item.type === 'text' || item.type === 'multilingual_text')) {
    if (k > 0) return { kind: 'text', code, n: nVisible, withheld: true };
    const values = obs.map((o) =>
      typeof o.value === 'string' ? o.value : Object.values(o.value as Record<string, string>).join(' / '),
    );
    return { kind: 'text', code, n, values };
  }
  if (item.type === 'file' && k > 0) return { kind: 'text', code, n: nVisible, withheld: true };
  return { kind: 'count', code, n: nVisible };
}
