import { type Questionnaire, walkItems } from '../../engines/questionnaire/index.ts';

/** Shared formatting helpers of the mapping module. */
export const iso = (d: Date | string | null): string | null =>
  d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

/** Questions that take an answer (matrix columns count once per column). */
export function questionCount(q: Questionnaire): number {
  return walkItems(q.items).filter(
    ({ item }) => !['group', 'repeat', 'matrix', 'note', 'calculate'].includes(item.type),
  ).length;
}
