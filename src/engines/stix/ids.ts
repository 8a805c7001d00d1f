import { createHash } from 'node:crypto';

/**
 * Deterministic STIX identifiers: `<type>--<UUIDv5>` from the platform's namespace and a name
 * (RFC 9562 §5.5: SHA-1 of namespace + name, version 5, RFC 4122 variant). The same record part
 * always gets the same id, so a correction is a new version of the same STIX object.
 */
export const PLATFORM_NAMESPACE = '3cd2d806-b699-4bb5-a00a-d13c3ac1884b';

export function uuidV5(name: string, namespace = PLATFORM_NAMESPACE): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The STIX id of `type` for a name (e.g. `<record id>/report`). */
export function stixId(type: string, name: string): string {
  return `${type}--${uuidV5(name)}`;
}

/** A STIX timestamp (UTC, milliseconds) of a Date or an ISO string. */
export function stixTime(t: Date | string): string {
  return (typeof t === 'string' ? new Date(t) : t).toISOString();
}

/** A date (YYYY-MM-DD) as the STIX timestamp of its start (UTC). */
export function stixDate(d: string): string {
  return `${d}T00:00:00.000Z`;
}
