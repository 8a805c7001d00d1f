/**
 * Answers of one question across responses: one observation per respondent for a top-level question,
 * one per entry for a question in a repeat group, one per row for a matrix column. Results read
 * validated (cleaned) answers.
 */
import type { Answers } from '../form-state.ts';
import { isObject } from '../form-state.ts';
import { type ItemPlace, indexItems, type Questionnaire } from '../model.ts';

/** One response: the respondent (an administration) and its answers. */
export interface Response {
  respondent: string;
  answers: Answers;
}

export interface Observation {
  respondent: string;
  value: unknown;
  /** The matrix row, for a matrix column. */
  row?: string;
  /** The enclosing answer object (a repeat entry or matrix row; the answers at top level). */
  scope: Record<string, unknown>;
}

export function placeOf(q: Questionnaire, code: string): ItemPlace {
  const place = indexItems(q).get(code);
  if (!place) throw new Error(`no question "${code}" in questionnaire ${q.id}`);
  return place;
}

/** Observations of a question (answered ones only). */
export function observe(q: Questionnaire, responses: readonly Response[], code: string): Observation[] {
  const place = placeOf(q, code);
  const path = [
    ...place.repeats.map((r) => ({ code: r, matrix: false })),
    ...(place.matrix ? [{ code: place.matrix.code, matrix: true }] : []),
  ];
  const out: Observation[] = [];
  for (const r of responses) {
    const walk = (obj: Record<string, unknown>, depth: number, row?: string) => {
      if (depth === path.length) {
        const v = obj[code];
        if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
          out.push({ respondent: r.respondent, value: v, scope: obj, ...(row !== undefined ? { row } : {}) });
        return;
      }
      const step = path[depth]!;
      const next = obj[step.code];
      if (step.matrix) {
        if (isObject(next))
          for (const [k, cells] of Object.entries(next)) if (isObject(cells)) walk(cells, depth + 1, k);
      } else if (Array.isArray(next)) for (const e of next) if (isObject(e)) walk(e, depth + 1, row);
    };
    if (isObject(r.answers)) walk(r.answers, 0);
  }
  return out;
}

/** Whether a question has at most one answer per respondent (top level, not in a repeat or matrix). */
export const isSingleValued = (place: ItemPlace): boolean => place.repeats.length === 0 && !place.matrix;
