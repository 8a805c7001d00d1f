import type { Actor } from '../../../access/actor.ts';
import type { Database } from '../../../db/connection.ts';
import { badRequest, conflict } from '../../../http/errors.ts';
import { eucabTheme } from '../../../registry/kinds/third-countries/third-countries.codes.ts';
import { activitiesXml, hasActivityDate, type IatiActivityInput, type IatiOrg } from '../iati-xml.ts';
import { externalOrgKind } from '../third-countries-kinds.ts';
import { type ProjectSelection, readableProjects, readableRecordsOf } from './projects.ts';

/** IATI organisation types of the platform's organisations (IATI OrganisationType). */
const IATI_ORG_TYPE: Record<string, string> = { national_administration: '10', commission: '40' };
const THEME_LABELS = Object.fromEntries(eucabTheme.codes.map((c) => [c.code, c.labels.en]));

/**
 * The selected cooperation projects the caller may export, as an IATI activity file (2.03). Each
 * project is reported by its owning administration, which needs its IATI organisation identifier
 * (set by its NCP): without it the export is refused, naming the administrations. IATI needs at
 * least one date per activity: a project without any is named too.
 */
export async function iatiExport(db: Database, a: Actor, s: ProjectSelection, now = new Date()) {
  const projects = (await readableProjects(db, a, s)).filter((p) => p.abilities.export);
  if (!projects.length)
    throw badRequest('No cooperation project you may export matches the selection: choose at least one.');
  const ownerIds = [...new Set(projects.map((p) => p.ownerOrgId))];
  const orgIds = [
    ...new Set([
      ...ownerIds,
      ...projects.flatMap((p) => (p.data.participants ?? []).map((x) => x.organisation).filter(Boolean)),
    ]),
  ] as string[];
  const orgs = new Map(
    (
      await db
        .selectFrom('organisations')
        .select(['id', 'code', 'name', 'type', 'iati_org_id'])
        .where('id', 'in', orgIds)
        .execute()
    ).map((o) => [o.id, o]),
  );
  const missing = ownerIds.map((id) => orgs.get(id)!).filter((o) => !o.iati_org_id);
  if (missing.length)
    throw conflict(
      `IATI needs the reporting organisation's identifier: ${missing
        .map((o) => `${o.name} (${o.code})`)
        .join(
          ', ',
        )} has none yet. Its NCP sets it under Organisations; or leave its projects out of the selection.`,
    );
  const undated = projects.filter((p) => !hasActivityDate(p.data));
  if (undated.length)
    throw badRequest(
      `IATI needs at least one date per activity: add a planned or actual start or end to ${undated
        .slice(0, 10)
        .map((p) => `“${p.title}”`)
        .join(', ')}${undated.length > 10 ? ` and ${undated.length - 10} more` : ''}.`,
    );
  const externalIds = [
    ...new Set(projects.flatMap((p) => (p.data.participants ?? []).map((x) => x.external).filter(Boolean))),
  ] as string[];
  const externals = new Map(
    (
      await readableRecordsOf<{ name: string; org_identifier?: string | null; org_type: string }>(
        db,
        a,
        externalOrgKind,
        { ids: externalIds },
        externalIds.length || 1,
      )
    ).map((e) => [e.id, e.data]),
  );
  const orgOf = (id: string): IatiOrg => {
    const o = orgs.get(id);
    return o
      ? { ref: o.iati_org_id ?? null, type: IATI_ORG_TYPE[o.type] ?? null, name: o.name }
      : { ref: null, type: null, name: id };
  };
  const activities: IatiActivityInput[] = projects.map((p) => {
    const owner = orgs.get(p.ownerOrgId)!;
    return {
      identifier: p.data.iati_identifier || `${owner.iati_org_id}-${p.id}`,
      lastUpdated: p.updatedAt,
      reporting: { ref: owner.iati_org_id!, type: IATI_ORG_TYPE[owner.type] ?? '10', name: owner.name },
      participants: (p.data.participants ?? []).flatMap((x) => {
        if (x.organisation) return [{ ...orgOf(x.organisation), role: x.role }];
        const e = x.external ? externals.get(x.external) : undefined;
        // An external organisation the caller may not read is left out.
        if (!e) return [];
        return [{ ref: e.org_identifier ?? null, type: e.org_type, name: e.name, role: x.role }];
      }),
      data: p.data,
      themeLabels: THEME_LABELS,
    };
  });
  return { xml: activitiesXml(activities, now), count: activities.length };
}
