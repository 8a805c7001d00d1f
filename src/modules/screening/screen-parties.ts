/**
 * Stores parties (once per organisation and identity) and screens them against the current
 * index, raising cases. Used by the batch job, the declaration job and "save as party".
 */

import { setImmediate as yieldLoop } from 'node:timers/promises';
import type { Actor } from '../../access/actor.ts';
import type { Trx } from '../../core/context.ts';
import type { Hit } from '../../engines/screening/index.ts';
import { normalizeIdentifier } from '../../engines/screening/index.ts';
import { type HitJson, hitJson, type PartyInput, raiseCases, screenOne } from './cases.ts';
import type { LoadedIndex } from './index-cache.ts';

export interface NewParty extends PartyInput {
  reference?: string | undefined;
  line?: number | undefined;
}

export interface ScreenedParty {
  partyId: string;
  hits: HitJson[];
}

/** The identity of a party within its organisation. */
export function partyKey(p: PartyInput): string {
  const name = p.name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const ids = (p.identifiers ?? []).map((i) => `${i.type ?? ''}:${normalizeIdentifier(i.value)}`).sort();
  return JSON.stringify([name, p.kind ?? '', (p.country ?? '').toLowerCase(), p.birthDate ?? '', ids]);
}

export async function storeAndScreen(
  trx: Trx,
  actor: Actor & { userId: string },
  organisationId: string,
  li: LoadedIndex,
  parties: NewParty[],
  source: 'search' | 'batch' | 'declaration',
  batchId: string | null = null,
  /** Hits computed beforehand, outside the transaction (see screenAll); else screened here. */
  precomputed?: Hit[][],
): Promise<ScreenedParty[]> {
  const out: ScreenedParty[] = [];
  const versions = JSON.stringify(Object.fromEntries(li.versions.map((v) => [v.listId, v.id])));
  for (const [i, p] of parties.entries()) {
    const hits = precomputed?.[i] ?? screenOne(li.index, p, 10);
    const now = new Date();
    const row = await trx
      .insertInto('screening_parties')
      .values({
        organisation_id: organisationId,
        party_key: partyKey(p),
        name: p.name,
        kind: p.kind ?? null,
        country: p.country ?? null,
        birth_date: p.birthDate ?? null,
        identifiers: JSON.stringify(p.identifiers ?? []),
        source,
        screened_versions: versions,
        last_screened_at: now,
        created_by: actor.userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['organisation_id', 'party_key'])
          .doUpdateSet({ screened_versions: versions, last_screened_at: now }),
      )
      .returning(['id', 'organisation_id'])
      .executeTakeFirstOrThrow();
    const outcomes = await raiseCases(trx, actor, row, hits, li.origin);
    const json = hits.map((h) => {
      const j = hitJson(h, li.origin);
      const o = outcomes.get(h.entityId);
      if (o) {
        j.caseId = o.caseId;
        j.caseState = o.state;
        j.suppressed = o.effect === 'suppressed';
      }
      return j;
    });
    if (batchId !== null && p.line !== undefined)
      await trx
        .insertInto('screening_batch_rows')
        .values({
          batch_id: batchId,
          line: p.line,
          party_id: row.id,
          reference: p.reference ?? null,
          hits: JSON.stringify(json),
        })
        .onConflict((oc) =>
          oc.columns(['batch_id', 'line']).doUpdateSet({ party_id: row.id, hits: JSON.stringify(json) }),
        )
        .execute();
    out.push({ partyId: row.id, hits: json });
  }
  return out;
}

/**
 * Screens parties outside any transaction (CPU only), yielding to the event loop every few
 * parties, so that the database connection is held only for the writes.
 */
export async function screenAll(li: LoadedIndex, parties: PartyInput[]): Promise<Hit[][]> {
  const out: Hit[][] = [];
  for (const [i, p] of parties.entries()) {
    out.push(screenOne(li.index, p, 10));
    if (i % 10 === 9) await yieldLoop();
  }
  return out;
}
