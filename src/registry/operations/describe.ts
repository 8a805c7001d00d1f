import type { Actor } from '../../access/actor.ts';
import { canCreateRecords } from '../../access/registry-policy.ts';
import { describeKind } from '../field-schema.ts';
import { KINDS } from '../kinds/index.ts';

/**
 * The registry kinds as the web app renders them — their words in every language the definition
 * has, fields, code-list names, views — and what the caller may do with each ("New", "Import").
 */
export function describeRegistry(a: Actor) {
  return {
    kinds: KINDS.map((k) => ({
      ...describeKind(k),
      abilities: { create: canCreateRecords(a, k), import: canCreateRecords(a, k) },
    })),
  };
}
