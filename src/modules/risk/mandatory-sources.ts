import type { Database } from '../../db/connection.ts';

/**
 * Mandatory-selection sources: other modules (e.g. sanctions screening) register a function that,
 * for a batch of declarations being scored, names the declarations that must be controlled and
 * why. Scoring selects every hit outside the inspection budget and outside the exploration share,
 * with the reason in its explanation and in the downloaded selection.
 *
 * A source that throws fails the scoring job (a missed mandatory control must never pass silently).
 */

/** What a source sees of one declaration: the values of the mapped roles of the batch file. */
export interface MandatoryDeclaration {
  id: string;
  /** YYYY-MM-DD or null when the batch has no date column. */
  date: string | null;
  direction: string | null;
  /** HS / CN code as digits, or null. */
  hs: string | null;
  countries: { origin?: string; departure?: string; destination?: string };
  parties: {
    importer?: string;
    exporter?: string;
    consignor?: string;
    consignee?: string;
    declarant?: string;
  };
  /** Every mapped role (and `cat:<column>` / `num:<column>` / `text:<column>` field) → raw value. */
  roles: Record<string, string>;
}

export interface MandatoryHit {
  id: string;
  /** Shown to the analyst and written in the download, e.g. "sanctions screening: confirmed hit on …". */
  reason: string;
}

export type MandatorySource = (
  db: Database,
  organisationId: string,
  declarations: MandatoryDeclaration[],
) => Promise<MandatoryHit[]>;

const sources = new Map<string, MandatorySource>();

/** Registers (or replaces) a named source: the runtime registers those of the module manifests (tests their own). */
export function registerMandatorySource(name: string, fn: MandatorySource): void {
  if (!/^[a-z][a-z0-9_.-]{1,60}$/.test(name)) throw new Error(`invalid mandatory source name "${name}"`);
  sources.set(name, fn);
}

export function unregisterMandatorySource(name: string): void {
  sources.delete(name);
}

export function mandatorySourceNames(): string[] {
  return [...sources.keys()].sort();
}

/** Declarations are handed to each source in chunks of this size. */
export const MANDATORY_CHUNK = 5_000;

/**
 * Runs every registered source over the declarations. Returns declaration id → reasons (each
 * prefixed with the source's name). Ids a source returns that are not in the batch are ignored.
 */
export async function applyMandatorySources(
  db: Database,
  organisationId: string,
  declarations: MandatoryDeclaration[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const known = new Set(declarations.map((d) => d.id));
  for (const name of mandatorySourceNames()) {
    const fn = sources.get(name)!;
    for (let s = 0; s < declarations.length; s += MANDATORY_CHUNK) {
      const hits = await fn(db, organisationId, declarations.slice(s, s + MANDATORY_CHUNK));
      for (const h of hits) {
        if (!known.has(h.id)) continue;
        const reason = `${name}: ${h.reason}`;
        const list = out.get(h.id);
        if (!list) out.set(h.id, [reason]);
        else if (!list.includes(reason)) list.push(reason);
      }
    }
  }
  return out;
}
