import { badRequest } from '../http/errors.ts';
import type { KindDefinition } from './definition.ts';

/**
 * Co-editors of another administration change a record's content but never see its owner-only
 * fields (`visibleTo: 'owner'`): their edit keeps the stored values of those fields, and a value
 * they send for one is refused (they cannot know what they would overwrite).
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
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const f of hidden) if (Object.hasOwn(stored, f)) out[f] = stored[f];
  return out;
}
