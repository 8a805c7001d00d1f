import type { Database } from '../../db/connection.ts';
import type { ModuleManifest } from '../manifest.ts';
import type { Sentence } from '../sentence.ts';
import { auditSentence } from '../sentences.ts';

/** An audit event as the audit route sends it: `changes` is null where the reader may not see them. */
interface ShownEvent {
  actor_id: string | null;
  actor_label: string;
  action: string;
  record_kind: string;
  record_id: string | null;
  changes: Record<string, unknown> | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idsOf(events: readonly ShownEvent[], test: (kind: string) => boolean): string[] {
  return [
    ...new Set(
      events
        .filter((e) => e.changes !== null && test(e.record_kind) && e.record_id && UUID.test(e.record_id))
        .map((e) => e.record_id!),
    ),
  ];
}

/**
 * The names of the events' records (a user's or organisation's name, a membership's member and
 * network, a record's title), for the events whose details the reader may read — the audit policy
 * has decided that already (`changes` is not null), so a name says no more than the details do.
 */
async function recordNames(
  db: Database,
  modules: readonly ModuleManifest[],
  events: readonly ShownEvent[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const put = (rows: { id: string; name: string }[]) => {
    for (const r of rows) names.set(r.id, r.name);
  };
  const of = (kind: string) => idsOf(events, (k) => k === kind);
  const users = of('user');
  if (users.length)
    put(
      await db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', users).execute(),
    );
  const orgs = of('organisation');
  if (orgs.length)
    put(await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgs).execute());
  const groups = of('sharing_group');
  if (groups.length)
    put(await db.selectFrom('sharing_groups').select(['id', 'name']).where('id', 'in', groups).execute());
  const idps = of('identity_provider');
  if (idps.length)
    put(await db.selectFrom('identity_providers').select(['id', 'name']).where('id', 'in', idps).execute());
  const memberships = of('membership');
  if (memberships.length) {
    const rows = await db
      .selectFrom('network_memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('networks as n', 'n.id', 'm.network_id')
      .select(['m.id', 'u.display_name', 'n.name'])
      .where('m.id', 'in', memberships)
      .execute();
    put(rows.map((r) => ({ id: r.id, name: `${r.display_name} (${r.name})` })));
  }
  const registryKinds = new Set(modules.flatMap((m) => m.registryKinds ?? []).map((k) => k.name));
  const records = idsOf(events, (k) => registryKinds.has(k));
  if (records.length)
    put(
      await db
        .selectFrom('registry_records')
        .select(['id', 'title as name'])
        .where('id', 'in', records)
        .execute(),
    );
  return names;
}

/**
 * Adds to each event its sentence (`{ key, params }`, see src/modules/sentence.ts) with `actor`:
 * the acting user's name, or "the platform" for background work.
 */
export async function withAuditSentences<T extends ShownEvent>(
  db: Database,
  modules: readonly ModuleManifest[],
  events: T[],
): Promise<(T & { sentence: Sentence | null })[]> {
  const actorIds = [...new Set(events.map((e) => e.actor_id).filter((x): x is string => x !== null))];
  const actors = new Map(
    actorIds.length
      ? (
          await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', actorIds).execute()
        ).map((u) => [u.id, u.display_name])
      : [],
  );
  const names = await recordNames(db, modules, events);
  return events.map((e) => {
    const s = auditSentence(modules, {
      action: e.action,
      recordKind: e.record_kind,
      recordId: e.record_id,
      changes: e.changes,
      recordName: e.changes !== null && e.record_id ? (names.get(e.record_id) ?? null) : null,
    });
    const actor =
      (e.actor_id && actors.get(e.actor_id)) ||
      (e.actor_label.startsWith('system:') ? { t: 'platform.systemActor' } : e.actor_label);
    return { ...e, sentence: s ? { key: s.key, params: { ...s.params, actor } } : null };
  });
}
