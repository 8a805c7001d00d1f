import type { RawBuilder } from 'kysely';
import { KINDS } from '../registry/kinds/index.ts';

/** A registry kind's definition by name (for registry-record-policy.ts: the one import edge into src/registry). */
export { kindByName } from '../registry/kinds/index.ts';

import type { Actor } from './actor.ts';
import { readableRecords } from './registry-policy.ts';

/**
 * Record kinds that carry the access envelope (owner, distribution, TLP, named recipients), with
 * their table and readable filter. The audit trail and notifications look records up here so
 * that every one of them goes through the same policy. Every registry kind (network
 * announcements included) is added from its definition.
 */
export interface SharedKindEntry {
  table: 'registry_records';
  readable: (a: Actor, kind: string, alias: string) => RawBuilder<boolean>;
  /** Fields only the owning organisation may see (also hidden in audit diffs shown to others). */
  ownerOnlyFields: readonly string[];
}

export const SHARED_KINDS: Readonly<Record<string, SharedKindEntry>> = Object.freeze({
  ...Object.fromEntries(
    KINDS.map((k) => [
      k.name,
      {
        table: 'registry_records' as const,
        readable: (a: Actor, _kind: string, alias: string) => readableRecords(a, k, alias),
        ownerOnlyFields: Object.entries(k.fields)
          .filter(([, f]) => f.visibleTo === 'owner')
          .map(([n]) => n),
      },
    ]),
  ),
});

export function isSharedKind(kind: string): boolean {
  return Object.hasOwn(SHARED_KINDS, kind);
}
