import type { KindDefinition } from '../definition.ts';
import { announcement } from './communication/announcement.ts';
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
  announcement,
];

export function kindByName(name: string): KindDefinition | undefined {
  return KINDS.find((k) => k.name === name);
}
