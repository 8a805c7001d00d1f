/** The categories of a categorical question: own choices, scale levels, yes/no, or the codes seen. */
import { scaleLevels } from '../check.ts';
import type { Item, Questionnaire } from '../model.ts';

export const isCategorical = (type: string): boolean =>
  type === 'select_one' || type === 'select_multiple' || type === 'yes_no' || type === 'scale';

/** Category keys as text (scale levels '1'…'5', yes/no 'yes'/'no'). */
export function categoriesOf(q: Questionnaire, item: Item, seen: Iterable<string>): string[] {
  const out: string[] = [];
  if (item.type === 'yes_no') out.push('yes', 'no');
  else if (item.type === 'scale') out.push(...scaleLevels(item.min, item.max, item.step).map(String));
  else if ((item.type === 'select_one' || item.type === 'select_multiple') && 'list' in item.choices)
    out.push(...(q.choiceLists[item.choices.list] ?? []).map((c) => c.name));
  const extra = [...new Set(seen)].filter((s) => !out.includes(s)).sort();
  return [...out, ...extra];
}

/** The category keys of one answer. */
export function categoryKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'boolean') return [value ? 'yes' : 'no'];
  if (typeof value === 'number' || typeof value === 'string') return [String(value)];
  return [];
}
