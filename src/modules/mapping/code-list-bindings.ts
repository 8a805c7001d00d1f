import type { Database } from '../../db/connection.ts';
import { type ChoiceSource, type Questionnaire, walkItems } from '../../engines/questionnaire/index.ts';

/** Where a questionnaire names a platform code list: the list, the codes it binds, and which items. */
interface ListUse {
  codes: Set<string>;
  items: Set<string>;
}

/** A platform code list the questionnaire names that does not exist, or codes it binds that the list lacks. */
export interface BindingProblem {
  list: string;
  /** empty when the list itself does not exist */
  missingCodes: string[];
  /** the questions, matrices, choices (`list/choice`) naming it */
  items: string[];
  reason: string;
}

/**
 * Every platform code list a questionnaire names — choices or matrix rows taken from a code list,
 * and code bindings of items, matrix columns and own choices — with the codes bound and the items.
 */
export function codeListUses(q: Questionnaire): Map<string, ListUse> {
  const uses = new Map<string, ListUse>();
  const use = (list: string, item: string, code?: string) => {
    const u = uses.get(list) ?? { codes: new Set<string>(), items: new Set<string>() };
    uses.set(list, u);
    u.items.add(item);
    if (code !== undefined) u.codes.add(code);
  };
  const source = (s: ChoiceSource, item: string) => {
    if ('codeList' in s) use(s.codeList, item);
  };
  for (const { item, matrix } of walkItems(q.items)) {
    const where = matrix ? `${matrix.code}/${item.code}` : item.code;
    if (item.binding) use(item.binding.list, where, item.binding.code);
    if (item.type === 'select_one' || item.type === 'select_multiple') source(item.choices, where);
    if (item.type === 'matrix') source(item.rows, where);
  }
  for (const [name, choices] of Object.entries(q.choiceLists))
    for (const c of choices) if (c.binding) use(c.binding.list, `${name}/${c.name}`, c.binding.code);
  return uses;
}

/** The problems of a questionnaire's code lists against the platform's (`known`: list → its active codes). */
export function bindingProblems(q: Questionnaire, known: Map<string, Set<string>>): BindingProblem[] {
  const out: BindingProblem[] = [];
  for (const [list, u] of [...codeListUses(q)].sort(([a], [b]) => a.localeCompare(b))) {
    const items = [...u.items].sort();
    const codes = known.get(list);
    if (!codes) {
      out.push({
        list,
        missingCodes: [],
        items,
        reason: `The platform has no code list "${list}" (named by ${items.join(', ')}): results cannot pivot on it. Use the name of an existing code list (e.g. arusha_factor) or ask an administrator to add the list.`,
      });
      continue;
    }
    const missing = [...u.codes].filter((c) => !codes.has(c)).sort();
    if (missing.length)
      out.push({
        list,
        missingCodes: missing,
        items,
        reason: `The code list "${list}" has no code ${missing.map((c) => `"${c}"`).join(', ')} (bound by ${items.join(', ')}): bind to codes of the list.`,
      });
  }
  return out;
}

/** The active codes of the named platform code lists (a list without active codes is absent). */
export async function knownCodes(db: Database, lists: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (lists.length === 0) return out;
  const rows = await db
    .selectFrom('code_list_entries')
    .select(['list', 'code'])
    .where('list', 'in', lists)
    .where('active', '=', true)
    .execute();
  for (const r of rows) {
    const s = out.get(r.list) ?? new Set<string>();
    out.set(r.list, s);
    s.add(r.code);
  }
  return out;
}

/** The binding problems of a questionnaire against the platform's code lists as they are now. */
export async function checkBindings(db: Database, q: Questionnaire): Promise<BindingProblem[]> {
  return bindingProblems(q, await knownCodes(db, [...codeListUses(q).keys()]));
}
