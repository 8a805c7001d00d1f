/**
 * From hits to cases. A case is one (party × listed entry) pair of one organisation.
 * - a hit at or above the threshold opens a case (state `open`); a review-band hit goes to the
 *   review queue (state `review`);
 * - a confirmed or dismissed case keeps its decision and the entry's content hash at decision time;
 *   a dismissed pair stays suppressed while the entry's content hash is unchanged; once the entry
 *   changes and hits again, the case is reopened (its `raised_count` grows) — audited either way.
 */
import type { Insertable } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { HitJson } from '../../contract/screening-hits.ts';
import type { Trx } from '../../core/context.ts';
import type { ScreeningCasesTable } from '../../db/schema.ts';
import {
  DEFAULT_THRESHOLD,
  type Entity,
  entityHash,
  type Hit,
  type IdentifierType,
  primaryName,
  REVIEW_THRESHOLD,
  type ScreeningIndex,
  type ScreeningQuery,
} from '../../engines/screening/index.ts';

export const THRESHOLDS = { threshold: DEFAULT_THRESHOLD, reviewThreshold: REVIEW_THRESHOLD } as const;

export interface PartyInput {
  name: string;
  kind?: 'person' | 'organisation' | 'vessel' | 'aircraft' | 'other' | undefined;
  country?: string | undefined;
  birthDate?: string | undefined;
  identifiers?: Array<{ type?: string | undefined; value: string }> | undefined;
}

/** A hit as the API answers it: declared in the contract (src/contract/screening-hits.ts). */
export type { HitJson } from '../../contract/screening-hits.ts';

const ID_TYPES = new Set<string>([
  'imo',
  'mmsi',
  'passport',
  'national_id',
  'registration',
  'tax',
  'swift',
  'aircraft',
  'other',
]);

export function toQuery(p: PartyInput): ScreeningQuery {
  const q: ScreeningQuery = { name: p.name };
  if (p.kind) q.kind = p.kind;
  if (p.country) q.country = p.country;
  if (p.birthDate) q.birthDate = p.birthDate;
  const ids = (p.identifiers ?? []).filter((i) => i.value.trim());
  if (ids.length)
    q.identifiers = ids.map((i) =>
      i.type && ID_TYPES.has(i.type)
        ? { type: i.type as IdentifierType, value: i.value }
        : { value: i.value },
    );
  return q;
}

export function hitJson(
  h: Hit,
  origin: Map<string, { listId: string; label: string; isDemo: boolean }>,
): HitJson {
  const o = origin.get(h.entityId);
  return {
    entityId: h.entityId,
    listId: o?.listId ?? null,
    versionLabel: o?.label ?? null,
    isDemo: o?.isDemo ?? false,
    entityName: primaryName(h.entity),
    entityKind: h.entity.kind,
    programmes: h.entity.programmes.slice(0, 10),
    countries: h.entity.countryCodes,
    score: Math.round(h.score * 1000) / 1000,
    band: h.band,
    nameScore: Math.round(h.nameScore * 1000) / 1000,
    matchedName: { value: h.matchedName.value, strength: h.matchedName.strength },
    explanation: h.explanation,
  };
}

/** Screens one query: hits at or above the review threshold, best first. */
export function screenOne(index: ScreeningIndex, p: PartyInput, limit = 10): Hit[] {
  return index.screen(toQuery(p), { ...THRESHOLDS, limit }).hits;
}

export interface StoredParty {
  id: string;
  organisation_id: string;
}

export interface CaseOutcome {
  caseId: string;
  state: string;
  /** what happened: new case, reopened (entry changed after a dismissal), updated evidence, suppressed */
  effect: 'raised' | 'reopened' | 'updated' | 'suppressed' | 'unchanged';
}

/**
 * Records the hits of one stored party as cases (in the caller's transaction). Returns, per hit
 * entity id, the case and what happened.
 */
export async function raiseCases(
  trx: Trx,
  actor: Actor,
  party: StoredParty,
  hits: Hit[],
  origin: Map<string, { id: string; listId: string }>,
): Promise<Map<string, CaseOutcome>> {
  const out = new Map<string, CaseOutcome>();
  if (!hits.length) return out;
  const existing = await trx
    .selectFrom('screening_cases')
    .selectAll()
    .where('party_id', '=', party.id)
    .where(
      'entity_id',
      'in',
      hits.map((h) => h.entityId),
    )
    .execute();
  const byEntity = new Map(existing.map((c) => [c.entity_id, c]));
  const now = new Date();
  for (const h of hits) {
    const hash = entityHash(h.entity);
    const o = origin.get(h.entityId);
    const evidence = {
      entity_name: primaryName(h.entity),
      entity_hash: hash,
      version_id: o?.id ?? null,
      score: h.score,
      band: h.band,
      explanation: JSON.stringify(h.explanation),
      updated_at: now,
    };
    const c = byEntity.get(h.entityId);
    if (!c) {
      const state = h.band === 'match' ? 'open' : 'review';
      const row = await trx
        .insertInto('screening_cases')
        .values({
          organisation_id: party.organisation_id,
          party_id: party.id,
          entity_id: h.entityId,
          list_id: o?.listId ?? h.entity.sourceList,
          state,
          reason: null,
          reviewer_id: null,
          decided_hash: null,
          created_at: now,
          ...evidence,
        } satisfies Insertable<ScreeningCasesTable>)
        .returning(['id'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'screening.case_raised',
        recordKind: 'screening_case',
        recordId: row.id,
        changes: { entityId: h.entityId, score: evidence.score, band: h.band, state },
        organisationId: party.organisation_id,
      });
      out.set(h.entityId, { caseId: row.id, state, effect: 'raised' });
      continue;
    }
    if (c.state === 'dismissed' && c.decided_hash === hash) {
      out.set(h.entityId, { caseId: c.id, state: c.state, effect: 'suppressed' });
      continue;
    }
    if (c.state === 'dismissed') {
      const state = h.band === 'match' ? 'open' : 'review';
      await trx
        .updateTable('screening_cases')
        .set({
          ...evidence,
          state,
          reason: null,
          reviewer_id: null,
          decided_at: null,
          decided_hash: null,
          raised_count: c.raised_count + 1,
        })
        .where('id', '=', c.id)
        .execute();
      await recordAudit(trx, actor, {
        action: 'screening.case_reopened',
        recordKind: 'screening_case',
        recordId: c.id,
        changes: {
          state: { before: 'dismissed', after: state },
          entryContent: { before: c.decided_hash, after: hash },
          reason: 'the listed entry changed after the dismissal',
        },
        organisationId: party.organisation_id,
      });
      out.set(h.entityId, { caseId: c.id, state, effect: 'reopened' });
      continue;
    }
    if (c.entity_hash === hash && Math.abs(c.score - h.score) < 1e-9) {
      out.set(h.entityId, { caseId: c.id, state: c.state, effect: 'unchanged' });
      continue;
    }
    // open, review or confirmed: keep the state (a review-band case becomes open on a match)
    const state = c.state === 'review' && h.band === 'match' ? 'open' : c.state;
    await trx
      .updateTable('screening_cases')
      .set({ ...evidence, state })
      .where('id', '=', c.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'screening.case_updated',
      recordKind: 'screening_case',
      recordId: c.id,
      changes: { score: { before: c.score, after: h.score }, state: { before: c.state, after: state } },
      organisationId: party.organisation_id,
    });
    out.set(h.entityId, { caseId: c.id, state, effect: 'updated' });
  }
  return out;
}

export interface PartyRow {
  id: string;
  organisation_id: string;
  name: string;
  kind: string | null;
  country: string | null;
  birth_date: string | null;
  identifiers: Array<{ type?: string; value: string }>;
}

export function partyInput(p: PartyRow): PartyInput {
  return {
    name: p.name,
    kind: (p.kind ?? undefined) as PartyInput['kind'],
    country: p.country ?? undefined,
    birthDate: p.birth_date ?? undefined,
    identifiers: p.identifiers,
  };
}

export type EntityOrigin = Map<string, { id: string; listId: string; label: string; isDemo: boolean }>;

export function entityKindLabel(e: Entity): string {
  return e.kind;
}
