/**
 * Screening a declaration file: every party column (importer, exporter, consignor, consignee,
 * declarant) is screened as a party and every line's HS/CN code against the goods measures. The
 * columns are recognised with the risk engine's mapping proposal (same roles as risk scoring).
 * A declaration is "selected" when a party has a threshold hit or a confirmed case, or a goods
 * line hits a measure; the reasons are stored with the result.
 */
import { setImmediate as yieldLoop } from 'node:timers/promises';
import type { Actor } from '../../access/actor.ts';
import { proposeMapping } from '../../engines/risk/mapping.ts';
import { type Direction, type GoodsLine, screenGoods } from '../../engines/screening/index.ts';
import type { JobContext } from '../../jobs/job-types.ts';
import { measuresFor } from './goods-measures.ts';
import { indexCache } from './index-cache.ts';
import { PartyFileError, readScreeningTable } from './party-file.ts';
import { storeAndScreen } from './screen-parties.ts';

export const PARTY_ROLES = ['importer', 'exporter', 'consignor', 'consignee', 'declarant'] as const;

export function directionOf(v: string): Direction | undefined {
  const s = v.trim().toLowerCase();
  if (/^(ex|export|e)/.test(s)) return 'export';
  if (/^(im|import|i)/.test(s)) return 'import';
  if (/^(tr|transit|t)/.test(s)) return 'transit';
  return undefined;
}

interface Batch {
  id: string;
  organisation_id: string;
}

export async function screenDeclarations(
  ctx: Pick<JobContext<unknown>, 'db' | 'progress' | 'tableLimits' | 'signal'>,
  actor: Actor & { userId: string },
  batch: Batch,
  file: { name: string; bytes: Buffer },
): Promise<Record<string, number>> {
  await ctx.progress({ done: 0, total: null, phase: 'reading' });
  const table = await readScreeningTable(file, ctx.tableLimits, {
    onProgress: (p) => ctx.progress({ ...p, phase: 'reading' }),
    signal: ctx.signal,
  });
  const cellText = (v: unknown) =>
    v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  const sample = table.rows.slice(0, 200).map((r) => table.columns.map((c) => cellText(r.cells[c])));
  const { mapping } = proposeMapping(table.columns, sample);
  const colFor = (role: string) => Object.entries(mapping.columns).find(([, r]) => r === role)?.[0];
  const partyCols = PARTY_ROLES.map((r) => [r, colFor(r)] as const).filter(
    ([, c]) => c !== undefined,
  ) as Array<[string, string]>;
  const hsCol = colFor('hs');
  if (!partyCols.length && !hsCol)
    throw new PartyFileError([
      {
        line: 1,
        reason: `No party column (importer, exporter, consignor, consignee, declarant) and no HS/CN code column was recognised in: ${table.columns.join(', ')}.`,
      },
    ]);
  const idCol = colFor('id');
  const dateCol = colFor('date');
  const dirCol = colFor('direction');
  const destCol = colFor('destination');
  const origCol = colFor('origin');
  const depCol = colFor('departure');
  const measures = await measuresFor(ctx.db, actor);
  const li = await indexCache(ctx.db).get();
  await ctx.db
    .updateTable('screening_batches')
    .set({ state: 'running', total: table.rows.length, done: 0 })
    .where('id', '=', batch.id)
    .execute();
  let selected = 0;
  let partyHits = 0;
  let goodsHits = 0;
  const CHUNK = 100;
  for (let i = 0; i < table.rows.length; i += CHUNK) {
    const part = table.rows.slice(i, i + CHUNK);
    await ctx.db.transaction().execute(async (trx) => {
      for (const r of part) {
        const get = (c?: string) => (c ? cellText(r.cells[c]) : '');
        const ref = get(idCol) || `line ${r.line}`;
        const reasons: string[] = [];
        const parties: unknown[] = [];
        for (const [role, col] of partyCols) {
          const name = get(col);
          if (!name) continue;
          const [s] = await storeAndScreen(trx, actor, batch.organisation_id, li, [{ name }], 'declaration');
          const hits = s!.hits;
          parties.push({ role, name, partyId: s!.partyId, hits });
          for (const h of hits) {
            if (h.suppressed) continue;
            if (h.band === 'match' || h.caseState === 'confirmed') {
              partyHits++;
              reasons.push(
                `${role} "${name}" matches ${h.listId ?? 'list'} entry ${h.entityId} "${h.entityName}" (score ${h.score.toFixed(2)})`,
              );
            }
          }
        }
        const goods: unknown[] = [];
        const code = get(hsCol);
        if (code) {
          const dir = directionOf(get(dirCol)) ?? 'import';
          const line: GoodsLine = {
            lineId: ref,
            code,
            direction: dir,
            date: get(dateCol).slice(0, 10) || new Date().toISOString().slice(0, 10),
          };
          const dest = get(destCol);
          const orig = get(origCol);
          const dep = get(depCol);
          if (dest) line.destination = dest;
          if (orig) line.origin = orig;
          if (dep) line.dispatch = dep;
          const g = screenGoods([line], measures);
          for (const h of g.hits) {
            goodsHits++;
            goods.push(h);
            reasons.push(`goods code ${code} under measure ${h.measureId} (${h.legalBasis})`);
          }
          for (const h of g.exempted) goods.push(h);
        }
        if (reasons.length) selected++;
        await trx
          .insertInto('screening_declaration_results')
          .values({
            organisation_id: batch.organisation_id,
            batch_id: batch.id,
            declaration_ref: ref.slice(0, 200),
            line: r.line,
            parties: JSON.stringify(parties),
            goods: JSON.stringify(goods),
            selected: reasons.length > 0,
            reasons: JSON.stringify(reasons),
          })
          .execute();
      }
    });
    const done = Math.min(table.rows.length, i + CHUNK);
    await ctx.db.updateTable('screening_batches').set({ done }).where('id', '=', batch.id).execute();
    await ctx.progress({ done, total: table.rows.length, phase: 'screening' });
    await yieldLoop();
  }
  return { declarations: table.rows.length, selected, partyHits, goodsHits };
}
