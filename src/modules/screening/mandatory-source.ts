/**
 * Screening as a mandatory rule of risk scoring: a declaration whose party has a confirmed case
 * or a threshold hit (not dismissed for the same entry content), or whose goods line hits a goods
 * measure, is selected for control outside the inspection budget, with the reason.
 */
import { type Actor, anonymousActor } from '../../access/actor.ts';
import type { Database } from '../../db/connection.ts';
import { entityHash, type GoodsLine, screenGoods } from '../../engines/screening/index.ts';
import type { MandatoryDeclaration, MandatoryHit, MandatorySource } from '../risk/mandatory-sources.ts';
import { hitJson, screenOne } from './cases.ts';
import { directionOf } from './declarations.ts';
import { measuresFor } from './goods-measures.ts';
import { indexCache, type LoadedIndex } from './index-cache.ts';
import { partyKey } from './screen-parties.ts';

export const screeningMandatorySource: MandatorySource = async (
  db: Database,
  organisationId: string,
  declarations: MandatoryDeclaration[],
): Promise<MandatoryHit[]> => {
  const li = await indexCache(db).get();
  const out: MandatoryHit[] = [];
  // decisions of this organisation on stored parties (confirmed → selected; dismissed → suppressed)
  const names = new Set<string>();
  for (const d of declarations) for (const n of Object.values(d.parties)) if (n) names.add(n);
  const keys = [...names].map((n) => partyKey({ name: n }));
  const decided = keys.length
    ? await db
        .selectFrom('screening_cases as c')
        .innerJoin('screening_parties as p', 'p.id', 'c.party_id')
        .select([
          'p.party_key',
          'c.entity_id',
          'c.entity_name',
          'c.list_id',
          'c.state',
          'c.decided_hash',
          'c.score',
        ])
        .where('c.organisation_id', '=', organisationId)
        .where('c.state', 'in', ['confirmed', 'dismissed'])
        .where('p.party_key', 'in', keys)
        .execute()
    : [];
  const byKey = new Map<string, typeof decided>();
  for (const c of decided) byKey.set(c.party_key, [...(byKey.get(c.party_key) ?? []), c]);
  // goods measures: the shipped annexes + the goods_measure records that any user of the
  // organisation may read (the registry policy decides, for a member without network roles)
  const measures = await measuresFor(db, organisationReader(organisationId));
  for (const d of declarations) {
    const reasons: string[] = [];
    for (const [role, name] of Object.entries(d.parties)) {
      if (!name) continue;
      const cases = byKey.get(partyKey({ name })) ?? [];
      for (const c of cases.filter((x) => x.state === 'confirmed'))
        reasons.push(
          `${role} "${name}" has a confirmed case on ${c.list_id} entry ${c.entity_id} "${c.entity_name}"`,
        );
      for (const h of screenOne(li.index, { name }, 5)) {
        if (h.band !== 'match') continue;
        const j = hitJson(h, li.origin);
        const c = cases.find((x) => x.entity_id === h.entityId);
        if (c?.state === 'confirmed') continue; // already named above
        if (
          c?.state === 'dismissed' &&
          li.index.entity(h.entityId) &&
          c.decided_hash === entityHashOf(li, h.entityId)
        )
          continue;
        reasons.push(
          `${role} "${name}" matches ${j.listId ?? 'list'} entry ${j.entityId} "${j.entityName}" (score ${j.score.toFixed(2)})`,
        );
      }
    }
    if (d.hs) {
      const line: GoodsLine = {
        lineId: d.id,
        code: d.hs,
        direction: directionOf(d.direction ?? '') ?? 'import',
        date: d.date ?? new Date().toISOString().slice(0, 10),
      };
      if (d.countries.destination) line.destination = d.countries.destination;
      if (d.countries.origin) line.origin = d.countries.origin;
      if (d.countries.departure) line.dispatch = d.countries.departure;
      for (const g of screenGoods([line], measures).hits)
        reasons.push(`goods code ${d.hs} under ${g.measureId} (${g.legalBasis})`);
    }
    if (reasons.length) out.push({ id: d.id, reason: reasons.join('; ') });
  }
  return out;
};

function entityHashOf(li: LoadedIndex, id: string): string | undefined {
  const e = li.index.entity(id);
  return e ? entityHash(e) : undefined;
}

/** What a plain user of the organisation (no roles, no networks, no named recipient) may read. */
function organisationReader(organisationId: string): Actor {
  return {
    ...anonymousActor,
    kind: 'user',
    userId: '00000000-0000-0000-0000-000000000000',
    label: 'system:screening.mandatory-source',
    orgId: organisationId,
    orgType: 'national_administration',
    scopes: new Set(['read']),
    readOnlyCredential: true,
  };
}
