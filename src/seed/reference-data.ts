import type { Database } from '../db/connection.ts';
import type { OrgType } from '../db/schema.ts';
import { memberStates } from '../reference/member-states.ts';
import { NETWORKS } from '../reference/networks.ts';
import { CODE_LISTS } from '../registry/kinds/index.ts';

/** The organisations and networks of EUCAB: reference data every deployment has. */
export const EUCAB_ORGANISATIONS: { code: string; type: OrgType; name: string }[] = [
  { code: 'EC-TAXUD', type: 'commission', name: 'European Commission, DG TAXUD' },
  { code: 'EUCAB-SC', type: 'eucab_body', name: 'EUCAB Steering Committee' },
  { code: 'EUCAB-MB', type: 'eucab_body', name: 'EUCAB Management Board' },
  { code: 'EUCAB-SU', type: 'eucab_body', name: 'EUCAB Support unit' },
  { code: 'EUCAB-AIRPOST', type: 'eucab_unit', name: 'EUCAB Air & Post unit' },
  { code: 'EUCAB-MARITIME', type: 'eucab_unit', name: 'EUCAB Maritime unit' },
  { code: 'EUCAB-LAND', type: 'eucab_unit', name: 'EUCAB Land unit' },
  { code: 'EUCAB-MOBILE', type: 'eucab_unit', name: 'EUCAB Mobile Cooperation unit' },
  { code: 'EUCAB-COORD', type: 'eucab_unit', name: 'EUCAB Coordination unit' },
];

/** The seven expert networks (src/reference/networks.ts, where their codes are typed). */
export const EUCAB_NETWORKS: readonly { code: string; name: string; description: string }[] = NETWORKS;

/** Creates whatever of the reference data is missing (idempotent; run at every start). */
export async function ensureReferenceData(db: Database): Promise<void> {
  const orgs = [
    ...memberStates().map((m) => ({
      code: m.code,
      type: 'national_administration' as const,
      name: `${m.nameEn} — customs administration`,
      names: JSON.stringify(m.names),
      country_code: m.country,
    })),
    ...EUCAB_ORGANISATIONS.map((o) => ({ ...o, names: JSON.stringify({ en: o.name }), country_code: null })),
  ];
  await db
    .insertInto('organisations')
    .values(orgs)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('networks')
    .values(EUCAB_NETWORKS)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  // Code lists: those the kind definitions name; codes administrators added later are left alone.
  for (const list of CODE_LISTS) {
    await db
      .insertInto('code_lists')
      .values({ name: list.name, labels: JSON.stringify(list.label) })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    await db
      .insertInto('code_list_entries')
      .values(
        list.codes.map((c) => ({
          list: list.name,
          code: c.code,
          labels: JSON.stringify(c.labels),
          meta: JSON.stringify(c.meta ?? {}),
        })),
      )
      .onConflict((oc) => oc.columns(['list', 'code']).doNothing())
      .execute();
  }
}
