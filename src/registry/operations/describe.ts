import type { Actor } from '../../access/actor.ts';
import { describeFields } from '../field-schema.ts';
import { KINDS } from '../kinds/index.ts';
import { canCreateRecords } from '../registry-policy.ts';

/** The registry kinds with their fields, and what the caller may do with each ("New", "Import"). */
export function describeRegistry(a: Actor) {
  return {
    kinds: KINDS.map((k) => ({
      ...k,
      fields: describeFields(k),
      abilities: { create: canCreateRecords(a, k), import: canCreateRecords(a, k) },
    })),
  };
}
