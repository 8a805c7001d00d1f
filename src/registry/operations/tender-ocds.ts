import { EXPORTABLE } from '../../access/tlp.ts';
import type { AppDeps } from '../../route-kit/deps.ts';
import { tender } from '../kinds/procurement/tender.kind.ts';
import { releasePackage, tenderRelease } from '../kinds/procurement/tender-ocds.ts';
import { ENVELOPE_COLUMNS, present, readableKindQuery } from '../record-queries.ts';
import type { UserActor } from './types.ts';

/** The published tenders the caller may export (never TLP:RED), as an OCDS 1.1.5 release package. */
export async function tenderReleasePackage(
  deps: Pick<AppDeps, 'db' | 'config'>,
  a: UserActor,
  input: { category?: string | undefined },
) {
  const rows = await readableKindQuery(deps.db, a, tender, {
    fields: { category: input.category },
    status: 'published',
  })
    .where('r.tlp', 'in', EXPORTABLE)
    .select([
      'r.id',
      'r.version',
      'r.updated_at',
      'r.owner_org_id',
      'r.author_id',
      'r.distribution',
      'r.distribution_network_id',
      'r.sharing_group_id',
      'r.tlp',
      'r.status',
      'r.submitted_by',
      'r.data',
      'o.code as owner_code',
      'o.name as owner_name',
      ...ENVELOPE_COLUMNS,
    ])
    .orderBy('r.updated_at', 'desc')
    .limit(50_000)
    .execute();
  const releases = rows
    .map((row) => present(a, tender, row, []))
    .filter((x) => x.abilities.export)
    .map((x) =>
      tenderRelease({ ...x, data: x.data as Record<string, unknown> }, deps.config.OCDS_OCID_PREFIX),
    );
  return releasePackage(releases, `${deps.config.publicUrl}/api/v1/registry/tender/ocds`);
}
