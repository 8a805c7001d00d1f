import { sql } from 'kysely';
import type { z } from 'zod';
import { screeningCasePolicy } from '../../../access/screening-policy.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { change } from '../../../core/change.ts';
import type { Database } from '../../../db/connection.ts';
import { conflict, forbidden, notFound } from '../../../http/errors.ts';
import type { AppDeps } from '../../../route-kit/deps.ts';
import { THRESHOLDS } from '../cases.ts';
import type { caseListQuery, decisionBody } from '../screening-schema.ts';
import type { SignedIn } from './signed-in.ts';

const CASE_COLUMNS = [
  'c.id',
  'c.organisation_id',
  'c.party_id',
  'c.list_id',
  'c.entity_id',
  'c.entity_name',
  'c.entity_hash',
  'c.score',
  'c.band',
  'c.explanation',
  'c.state',
  'c.reason',
  'c.decided_at',
  'c.raised_count',
  'c.created_at',
  'c.updated_at',
  'p.name as party_name',
  'p.country as party_country',
  'p.birth_date as party_birth_date',
  'v.label as version_label',
  'v.is_demo',
  'u.display_name as reviewer',
] as const;

/** Cases with their party, list version and reviewer. */
const casesWithParties = (db: Database) =>
  db
    .selectFrom('screening_cases as c')
    .innerJoin('screening_parties as p', 'p.id', 'c.party_id')
    .leftJoin('screening_list_versions as v', 'v.id', 'c.version_id')
    .leftJoin('users as u', 'u.id', 'c.reviewer_id');

const abilities = (a: SignedIn, row: { organisation_id: string }) => {
  const { read, act } = screeningCasePolicy.abilities(a, row);
  return { read, decide: act };
};

/**
 * The cases and review queue of the caller's administration (`pending`: open and review), open
 * first, with the count per state; empty for non-reviewers.
 */
export async function listCases(db: Database, a: SignedIn, query: z.output<typeof caseListQuery>) {
  const readable = screeningCasePolicy.readable(a, 'c');
  let q = casesWithParties(db).where(readable);
  const { state, q: text, limit, offset } = query;
  if (state === 'pending') q = q.where('c.state', 'in', ['open', 'review']);
  else if (state) q = q.where('c.state', '=', state);
  if (text)
    q = q.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', `%${text.replace(/[%_\\]/g, '\\$&')}%`),
        eb('c.entity_name', 'ilike', `%${text.replace(/[%_\\]/g, '\\$&')}%`),
      ]),
    );
  const [{ n }, counts, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('screening_cases as c')
      .select(['c.state', (eb) => eb.fn.countAll<number>().as('n')])
      .where(readable)
      .groupBy('c.state')
      .execute(),
    q
      .select([...CASE_COLUMNS])
      .orderBy(sql`CASE c.state WHEN 'open' THEN 0 WHEN 'review' THEN 1 ELSE 2 END`)
      .orderBy('c.updated_at', 'desc')
      .orderBy('c.id')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  return {
    ...THRESHOLDS,
    total: Number(n),
    counts: Object.fromEntries(counts.map((c) => [c.state, Number(c.n)])),
    items: rows.map((row) => ({ ...row, abilities: abilities(a, row) })),
  };
}

/** A case with its explanation and the listed entry; 404 when not the caller's to read. */
export async function getCase(db: Database, a: SignedIn, id: string) {
  const row = await casesWithParties(db)
    .select([...CASE_COLUMNS, 'p.identifiers as party_identifiers', 'p.kind as party_kind'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row || !abilities(a, row).read) throw notFound();
  const entity = await db
    .selectFrom('screening_entities')
    .select('data')
    .where('entity_hash', '=', row.entity_hash)
    .executeTakeFirst();
  return { ...row, ...THRESHOLDS, entity: entity?.data ?? null, abilities: abilities(a, row) };
}

/**
 * Confirms or dismisses an open case with a reason, audited `screening.case_confirmed|dismissed`;
 * the entry's content hash is kept, so a dismissal holds until the listed entry changes.
 * 404 when not the caller's to read, 403 when they may read but not decide, 409 when decided.
 */
export async function decideCase(
  deps: AppDeps,
  a: SignedIn,
  input: { id: string } & z.output<typeof decisionBody>,
) {
  return change(deps, async (trx) => {
    const c = await trx
      .selectFrom('screening_cases')
      .selectAll()
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    const can = c ? abilities(a, c) : null;
    if (!c || !can?.read) throw notFound();
    if (!can.decide) throw forbidden('You may read this case but not decide it.');
    if (c.state === 'confirmed' || c.state === 'dismissed') throw conflict(`The case is already ${c.state}.`);
    const state = input.decision === 'confirm' ? 'confirmed' : 'dismissed';
    await trx
      .updateTable('screening_cases')
      .set({
        state,
        reason: input.reason,
        reviewer_id: a.userId,
        decided_at: new Date(),
        decided_hash: c.entity_hash,
        updated_at: new Date(),
      })
      .where('id', '=', c.id)
      .execute();
    await recordAudit(trx, a, {
      action: `screening.case_${state}`,
      recordKind: 'screening_case',
      recordId: c.id,
      changes: {
        state: { before: c.state, after: state },
        reason: input.reason,
        entryContent: c.entity_hash,
      },
      organisationId: c.organisation_id,
    });
    return { id: c.id, state };
  });
}
