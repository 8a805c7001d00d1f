import type { Actor } from '../../access/actor.ts';
import { recordAbilities } from '../../access/registry-policy.ts';
import type { Database } from '../../db/connection.ts';
import { notFound } from '../../http/errors.ts';
import type { KindDefinition } from '../definition.ts';
import { present, recipientsByRecord, recordRow } from '../record-queries.ts';
import { authoriseRecord } from '../record-service.ts';
import { pendingCorrection } from './approvals.ts';
import { recordComments, threadState } from './comments.ts';
import { recordHistory } from './history.ts';

/**
 * One record with its marking, abilities, history, its thread (comments, each with its abilities,
 * and whether the caller follows it) and (TLP:RED) its named recipients;
 * 404 when the caller may not read it. A correction awaiting approval (`pendingCorrection`) is
 * included only for those who may see it (`abilities.correction`).
 */
export async function getRecord(db: Database, a: Actor, kind: KindDefinition, input: { id: string }) {
  const row = await recordRow(db, kind, input.id);
  if (!row) throw notFound();
  const rec = (await recipientsByRecord(db, kind.name, [row.id])).get(row.id) ?? [];
  const shown = present(a, kind, row, rec);
  if (!shown.abilities.read) throw notFound();
  const [history, comments, thread, recipients] = await Promise.all([
    recordHistory(db, kind, row.id, shown.abilities),
    recordComments(db, a, kind, { id: row.id, data: row.data as Record<string, unknown> }, shown.abilities),
    threadState(db, a, row, shown.abilities),
    rec.length
      ? db
          .selectFrom('users as u')
          .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
          .select(['u.id', 'u.display_name', 'o.code as organisation_code'])
          .where('u.id', 'in', rec)
          .orderBy('u.display_name')
          .execute()
      : Promise.resolve([]),
  ]);
  const correction = await pendingCorrection(db, kind, row.id, row.data, shown.abilities);
  return {
    ...shown,
    history,
    comments,
    thread,
    recipients,
    ...(correction ? { pendingCorrection: correction } : {}),
  };
}

/** What the caller may do with one record (404 when they may not read it). */
export async function getRecordAbilities(
  db: Database,
  a: Actor,
  kind: KindDefinition,
  input: { id: string },
) {
  const env = await authoriseRecord(db, a, kind, input.id, 'read');
  return recordAbilities(a, env, kind);
}
