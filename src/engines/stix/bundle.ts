import { randomUUID } from 'node:crypto';
import { CUSTOMS_RISK_EXTENSION, CUSTOMS_RISK_EXTENSION_ID, PLATFORM_IDENTITY } from './extensions.ts';
import { tlpMarkingId, tlpMarkingObject, tlpOfMarkingId } from './tlp.ts';
import type { StixObject } from './types.ts';

export interface Bundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** An attempt to put TLP:RED into a bundle, TAXII or a webhook: never allowed. */
export class RedNotExportedError extends Error {
  constructor(id: string) {
    super(
      `${id} is marked TLP:RED: TLP:RED is never exported (its named recipients read it in the platform).`,
    );
  }
}

const RED = tlpMarkingId('red');

/**
 * A bundle of objects: one object per id (the latest `modified` wins), plus the TLP 2.0 marking
 * definitions and the extension definitions (with the platform's identity, their author) that the
 * objects reference. Throws `RedNotExportedError` on any TLP:RED object.
 */
export function makeBundle(objects: readonly StixObject[], id = `bundle--${randomUUID()}`): Bundle {
  const byId = new Map<string, StixObject>();
  for (const o of objects) {
    if ((o.object_marking_refs as string[] | undefined)?.includes(RED)) throw new RedNotExportedError(o.id);
    const prev = byId.get(o.id);
    if (!prev || String(o.modified ?? '') >= String(prev.modified ?? '')) byId.set(o.id, o);
  }
  const markings = new Set<string>();
  let usesExtension = false;
  for (const o of byId.values()) {
    for (const m of (o.object_marking_refs as string[] | undefined) ?? []) markings.add(m);
    if (o.extensions && Object.hasOwn(o.extensions as object, CUSTOMS_RISK_EXTENSION_ID))
      usesExtension = true;
  }
  const extra: StixObject[] = [];
  for (const m of [...markings].sort()) {
    const level = tlpOfMarkingId(m);
    if (level) extra.push(tlpMarkingObject(level) as unknown as StixObject);
  }
  if (usesExtension) {
    extra.push(CUSTOMS_RISK_EXTENSION as unknown as StixObject);
    if (!byId.has(PLATFORM_IDENTITY.id)) extra.push(PLATFORM_IDENTITY as unknown as StixObject);
  }
  return { type: 'bundle', id, objects: [...extra, ...byId.values()] };
}
