import { isDeepStrictEqual } from 'node:util';
import { badRequest, forbidden } from '../http/errors.ts';
import type { KindDefinition } from './definition.ts';

/**
 * Co-editors of another administration change a record's content but never see its owner-only
 * fields (`visibleTo: 'owner'`): their edit keeps the stored values of those fields, and a value
 * they send for one is refused (they cannot know what they would overwrite). Fields only the owner
 * changes (`editableBy: 'owner'`) they see: sent unchanged or left out, the stored value stays; a
 * different value is a 403 naming the field.
 */
export function keepOwnerOnlyFields(
  kind: KindDefinition,
  stored: Record<string, unknown>,
  input: unknown,
  seesOwnerOnly: boolean,
): unknown {
  if (seesOwnerOnly || typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const hidden = Object.keys(kind.fields).filter((f) => kind.fields[f]!.visibleTo === 'owner');
  const sent = hidden.filter((f) => Object.hasOwn(input, f));
  if (sent.length)
    throw badRequest(
      `The record is invalid: ${sent.join(', ')}: only the owning administration sets ${sent.length > 1 ? 'these fields' : 'this field'}.`,
      sent.map((f) => ({ field: `data.${f}`, message: 'only the owning administration sets this field' })),
    );
  const ownerEdits = Object.keys(kind.fields).filter((f) => kind.fields[f]!.editableBy === 'owner');
  const changed = ownerEdits.filter(
    (f) => Object.hasOwn(input, f) && !isDeepStrictEqual((input as Record<string, unknown>)[f], stored[f]),
  );
  if (changed.length)
    throw forbidden(
      `Only the owning administration changes ${changed.map((f) => kind.fields[f]!.label.en.toLowerCase()).join(', ')}: keep ${changed.length > 1 ? 'them' : 'it'} as ${changed.length > 1 ? 'they are' : 'it is'}, or ask the owner.`,
    );
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const f of [...hidden, ...ownerEdits]) if (Object.hasOwn(stored, f)) out[f] = stored[f];
  return out;
}
