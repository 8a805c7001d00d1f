/**
 * Versions: a published version never changes; a new version names the version it follows and the
 * codes it keeps (`previous.keeps`) so that answers stay comparable. `compareVersions` says which codes
 * are kept, added, removed or changed in type; `checkKeeps` which declared keeps do not hold.
 */
import { type Item, type Questionnaire, walkItems } from './model.ts';

/** What makes answers of two versions comparable: the type, and where choices / rows / levels come from. */
export function answerSignature(item: Item): string {
  switch (item.type) {
    case 'select_one':
    case 'select_multiple':
      return `${item.type}(${'codeList' in item.choices ? `code list ${item.choices.codeList}` : `list ${item.choices.list}`})`;
    case 'scale':
      return `scale(${item.min}..${item.max} step ${item.step})`;
    case 'matrix':
      return `matrix(${'codeList' in item.rows ? `code list ${item.rows.codeList}` : `list ${item.rows.list}`})`;
    case 'file':
      return `file(${item.media})`;
    default:
      return item.type;
  }
}

function answerItems(q: Questionnaire): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const { item } of walkItems(q.items))
    if (item.type !== 'group' && item.type !== 'note') out.set(item.code, item);
  return out;
}

export interface VersionComparison {
  /** In both, with the same answer signature: answers comparable. */
  kept: string[];
  added: string[];
  removed: string[];
  changedType: { code: string; before: string; after: string }[];
}

export function compareVersions(before: Questionnaire, after: Questionnaire): VersionComparison {
  const a = answerItems(before);
  const b = answerItems(after);
  const out: VersionComparison = { kept: [], added: [], removed: [], changedType: [] };
  for (const [code, item] of b) {
    const old = a.get(code);
    if (!old) out.added.push(code);
    else if (answerSignature(old) === answerSignature(item)) out.kept.push(code);
    else out.changedType.push({ code, before: answerSignature(old), after: answerSignature(item) });
  }
  for (const code of a.keys()) if (!b.has(code)) out.removed.push(code);
  return out;
}

/** The codes `after.previous.keeps` declares that are not kept from `before` (with the reason). */
export function checkKeeps(before: Questionnaire, after: Questionnaire): { code: string; reason: string }[] {
  if (!after.previous) return [];
  const problems: { code: string; reason: string }[] = [];
  if (after.previous.version !== before.version)
    problems.push({
      code: '',
      reason: `this version follows ${after.previous.version}, not ${before.version}`,
    });
  const cmp = compareVersions(before, after);
  const kept = new Set(cmp.kept);
  for (const code of after.previous.keeps) {
    if (kept.has(code)) continue;
    const changed = cmp.changedType.find((c) => c.code === code);
    problems.push({
      code,
      reason: changed
        ? `"${code}" changed from ${changed.before} to ${changed.after}`
        : cmp.removed.includes(code)
          ? `"${code}" is no longer in the questionnaire`
          : `"${code}" is not in version ${before.version}`,
    });
  }
  return problems;
}
