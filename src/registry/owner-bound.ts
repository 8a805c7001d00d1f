import type { OrgType } from '../db/schema.ts';
import type { KindDefinition } from './definition.ts';

/**
 * Owner-bound fields (definition: `setBy: 'owner_country'`): the value is the owning
 * administration's, set by the server on every create, correction and import — so that views
 * counting by owner (the matrix) and views counting by the field (the map) count the same thing.
 */
export interface OwnerOrg {
  code: string;
  type: OrgType;
}

export function ownerBoundFields(kind: KindDefinition): string[] {
  return Object.entries(kind.fields)
    .filter(([, f]) => f.setBy === 'owner_country')
    .map(([name]) => name);
}

/** The owner's country: its EU code when it is a national administration, else none. */
export function ownerCountry(owner: OwnerOrg): string | null {
  return owner.type === 'national_administration' ? owner.code : null;
}

/**
 * Returns the data with its owner-bound fields set. A given value that differs is an error (the
 * caller sees why and what to give), as is an owner without such a value.
 */
export function bindToOwner(
  kind: KindDefinition,
  data: Record<string, unknown>,
  owner: OwnerOrg,
): { data: Record<string, unknown>; errors: { field: string; message: string }[] } {
  const fields = ownerBoundFields(kind);
  if (!fields.length) return { data, errors: [] };
  const out = { ...data };
  const errors: { field: string; message: string }[] = [];
  const country = ownerCountry(owner);
  for (const name of fields) {
    const label = kind.fields[name]!.label.en;
    if (country === null) {
      errors.push({
        field: name,
        message: `A ${kind.label.en.toLowerCase()} belongs to a Member State administration, whose country is its ${label.toLowerCase()}: a platform administrator adds it on behalf of one.`,
      });
      continue;
    }
    const given = out[name];
    if (given !== undefined && given !== null && given !== '' && given !== country) {
      errors.push({
        field: name,
        message: `${label} is the owning administration's (${country}): leave it out or give ${country}.`,
      });
      continue;
    }
    out[name] = country;
  }
  return { data: out, errors };
}
