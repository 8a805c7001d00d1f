import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import type { Database } from '../../../db/connection.ts';
import type { KindDefinition } from '../../../registry/definition.ts';
import { META_COLUMNS, present, readableKindQuery } from '../../../registry/record-queries.ts';
import type { ProjectData } from '../iati-xml.ts';
import { projectKind } from '../third-countries-kinds.ts';

/** What the area's views and the export select projects by (every filter optional). */
export interface ProjectSelection {
  /** Exactly these projects (those the caller may read). */
  ids?: string[] | undefined;
  theme?: string | undefined;
  seedStatus?: string | undefined;
  /** The owning administration's code (a Member State: DE, NL …). */
  owner?: string | undefined;
  sector?: string | undefined;
  /** A recipient country code (ISO 3166-1 alpha-2). */
  country?: string | undefined;
}

export interface ReadProject {
  id: string;
  title: string;
  ownerOrgId: string;
  ownerCode: string;
  status: string;
  updatedAt: Date;
  data: ProjectData & {
    iati_identifier?: string | null;
    participants?: { role: string; organisation?: string | null; external?: string | null }[] | null;
  };
  abilities: { read: boolean; export: boolean; update: boolean };
}

/**
 * The cooperation projects the caller may read (not retracted), narrowed by the selection: the
 * base of the map, the timeline, the overlap finder and the IATI export.
 */
export async function readableProjects(db: Database, a: Actor, s: ProjectSelection, limit = 20_000) {
  return readableRecordsOf<ReadProject['data']>(db, a, projectKind, s, limit);
}

export async function readableRecordsOf<D>(
  db: Database,
  a: Actor,
  kind: KindDefinition,
  s: ProjectSelection,
  limit: number,
) {
  let q = readableKindQuery(db, a, kind, {
    owner: s.owner,
    fields:
      kind.name === 'cooperation_project'
        ? { themes: s.theme, seed_status: s.seedStatus, sectors: s.sector }
        : {},
  });
  if (s.ids) q = s.ids.length ? q.where('r.id', 'in', s.ids) : q.where(sql<boolean>`false`);
  if (s.country)
    q = q.where(sql<boolean>`r.data->'recipients' @> ${JSON.stringify([{ country: s.country }])}::jsonb`);
  const rows = await q
    .select([...META_COLUMNS])
    .orderBy('r.updated_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const p = present(a, kind, row, []);
    return {
      id: row.id,
      title: row.title,
      ownerOrgId: row.owner_org_id,
      ownerCode: row.owner_org_code,
      status: row.status,
      updatedAt: row.updated_at,
      data: p.data as D,
      abilities: p.abilities as unknown as ReadProject['abilities'],
    };
  });
}
