import { type Kysely, sql } from 'kysely';

/**
 * Network announcements become the registry kind `announcement`
 * (src/registry/kinds/communication/announcement.kind.ts). Every row of `announcements` is copied into
 * `registry_records` with the same id: data { title, body, network (its code) }, the same
 * envelope (owner, author, distribution, marking), times and demo flag, published at its
 * creation time, version 1 with its version row. Named recipients, attachments, notifications
 * and audit events already name the record as ('announcement', id): they stay as they are and
 * keep pointing at it. Pending notification work of the former topic is handed to the
 * registry's. Then the table (with its search index) is dropped, and the index of the kind's
 * network filter is created (as `index-sql.ts` asks for it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
INSERT INTO registry_records (id, kind, owner_org_id, author_id, distribution, distribution_network_id,
  sharing_group_id, tlp, status, version, import_key, title, language, data, search, published_by,
  published_at, is_demo, created_at, updated_at)
SELECT a.id, 'announcement', a.owner_org_id, a.author_id, a.distribution, a.distribution_network_id,
  a.sharing_group_id, a.tlp, 'published', 1, NULL, a.title, 'en',
  jsonb_build_object('title', a.title, 'body', a.body, 'network', n.code),
  setweight(to_tsvector('english'::regconfig, unaccent(a.title)), 'A') ||
    setweight(to_tsvector('simple', unaccent(a.title)), 'A') ||
    setweight(to_tsvector('english'::regconfig, unaccent(a.title || ' ' || chr(10) || a.body)), 'B') ||
    setweight(to_tsvector('simple', unaccent(a.title || ' ' || chr(10) || a.body)), 'B'),
  a.author_id, a.created_at, a.is_demo, a.created_at, a.updated_at
FROM announcements a JOIN networks n ON n.id = a.network_id;

INSERT INTO registry_versions (record_id, version, status, data, distribution, tlp, changed_by, changed_at, note)
SELECT r.id, 1, 'published', r.data, r.distribution, r.tlp, r.author_id, r.updated_at,
  'Carried over from the former announcements (migration 0034).'
FROM registry_records r WHERE r.kind = 'announcement' AND r.id IN (SELECT id FROM announcements);

UPDATE outbox SET topic = 'registry.changed',
  payload = jsonb_build_object('kind', 'announcement', 'id', payload->>'id',
    'event', CASE payload->>'event' WHEN 'created' THEN 'published' ELSE payload->>'event' END)
WHERE topic = 'announcement.published' AND processed_at IS NULL;

DROP TABLE announcements;

CREATE INDEX registry_idx_announcement_network ON registry_records ((data->>'network')) WHERE kind = 'announcement';
`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Announcements are registry records now: not reverted.');
}
