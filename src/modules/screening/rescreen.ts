/**
 * A new list version re-screens the stored parties of every organisation (and so their open
 * cases) against the added and amended entries only, raising new cases and reopening dismissed
 * pairs whose entry changed. Runs as the named system actor, in short transactions of 200 parties.
 */
import { setImmediate as yieldLoop } from 'node:timers/promises';
import { systemActor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import type { Hit } from '../../engines/screening/index.ts';
import { partyInput, raiseCases, THRESHOLDS, toQuery } from './cases.ts';
import { buildIndexSliced } from './index-cache.ts';
import { changedEntities, type StoredVersion } from './list-store.ts';

export interface RescreenResult {
  entries: number;
  parties: number;
  raised: number;
  reopened: number;
  updated: number;
  suppressed: number;
}

export async function rescreenAfterVersion(
  db: Database,
  from: StoredVersion | null,
  to: StoredVersion,
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<RescreenResult> {
  const res: RescreenResult = { entries: 0, parties: 0, raised: 0, reopened: 0, updated: 0, suppressed: 0 };
  const entities = await changedEntities(db, from?.id ?? null, to.id);
  res.entries = entities.length;
  if (!entities.length) return res;
  const index = await buildIndexSliced(entities);
  const origin = new Map(entities.map((e) => [e.id, { id: to.id, listId: to.listId }]));
  const actor = systemActor('screening.rescreen');
  const { n } = await db
    .selectFrom('screening_parties')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(n);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const parties = await db
      .selectFrom('screening_parties')
      .select([
        'id',
        'organisation_id',
        'name',
        'kind',
        'country',
        'birth_date',
        'identifiers',
        'screened_versions',
      ])
      .where('id', '>', after)
      .orderBy('id')
      .limit(200)
      .execute();
    if (!parties.length) break;
    after = parties[parties.length - 1]!.id;
    // screening is CPU only: done before the transaction, which then holds the connection for the writes
    const hitsOf: Hit[][] = [];
    for (const [i, p] of parties.entries()) {
      hitsOf.push(index.screen(toQuery(partyInput(p)), { ...THRESHOLDS, limit: 20 }).hits);
      if (i % 20 === 19) await yieldLoop();
    }
    await db.transaction().execute(async (trx) => {
      for (const [i, p] of parties.entries()) {
        const hits = hitsOf[i]!;
        const outcome = await raiseCases(trx, actor, p, hits, origin);
        for (const o of outcome.values()) {
          if (o.effect === 'raised') res.raised++;
          else if (o.effect === 'reopened') res.reopened++;
          else if (o.effect === 'updated') res.updated++;
          else if (o.effect === 'suppressed') res.suppressed++;
        }
        await trx
          .updateTable('screening_parties')
          .set({
            screened_versions: JSON.stringify({ ...p.screened_versions, [to.listId]: to.id }),
            last_screened_at: new Date(),
          })
          .where('id', '=', p.id)
          .execute();
      }
    });
    res.parties += parties.length;
    await onProgress?.(res.parties, total);
    await yieldLoop();
  }
  return res;
}
