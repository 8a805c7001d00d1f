import type { CodeListDefinition } from '../code-list-definition.ts';
import type { KindDefinition } from '../definition.ts';
import { equipmentItem } from './procurement/equipment-item.ts';
import { equipmentModel } from './procurement/equipment-model.ts';
import { fieldTest } from './procurement/field-test.ts';
import { requirementSet } from './procurement/requirement-set.ts';
import { tender } from './procurement/tender.ts';
import { goodsMeasure } from './risk/goods-measure.ts';
import { partyList } from './risk/party-list.ts';
import { referenceTable } from './risk/reference-table.ts';
import { riskRule } from './risk/risk-rule.ts';

/** Every registry kind of the platform. Adding a kind = its definition file + a line here + a test. */
export const KINDS: readonly KindDefinition[] = [
  equipmentModel,
  equipmentItem,
  requirementSet,
  tender,
  fieldTest,
  riskRule,
  referenceTable,
  partyList,
  goodsMeasure,
];

export function kindByName(name: string): KindDefinition | undefined {
  return KINDS.find((k) => k.name === name);
}

/**
 * Every code list the definitions name (`codeLists`), once each, in the order first named: what
 * the seed stores. Two different lists with one name are refused.
 */
export function codeListsOf(kinds: readonly KindDefinition[]): CodeListDefinition[] {
  const byName = new Map<string, CodeListDefinition>();
  for (const k of kinds)
    for (const list of k.codeLists) {
      const seen = byName.get(list.name);
      if (seen && seen !== list)
        throw new Error(`${k.name}: another code list is already named "${list.name}"`);
      byName.set(list.name, list);
    }
  return [...byName.values()];
}

export const CODE_LISTS: readonly CodeListDefinition[] = codeListsOf(KINDS);
