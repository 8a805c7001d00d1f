import type { Actor } from '../../../access/actor.ts';
import { recordAbilities } from '../../../access/registry-policy.ts';
import { kindByName } from '../../../access/shared-kinds.ts';
import { TLP_RULES } from '../../../access/tlp.ts';
import type { Database } from '../../../db/connection.ts';
import { type Bundle, makeBundle } from '../../../engines/stix/index.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import { loadRegistryEnvelope } from '../../../registry/record-service.ts';
import { riskInformationObjects } from './risk-information-objects.ts';

/** At most this many records in one bundle of a selection. */
export const MAX_BUNDLE_RECORDS = 500;

/**
 * `GET /stix/risk-information/:id`: one risk information (and the feedback the caller may read)
 * as a STIX 2.1 bundle. 404 unless the caller may read it; 403 unless they may export it (TLP:RED
 * never leaves the platform).
 */
export async function exportRiskInformation(db: Database, actor: Actor, id: string): Promise<Bundle> {
  const kind = kindByName('risk_information')!;
  const env = await loadRegistryEnvelope(db, kind, id);
  const can = env ? recordAbilities(actor, env, kind) : null;
  if (!env || !can?.read) throw notFound('No risk information with this id that you may read.');
  if (!TLP_RULES[env.tlp].exportable)
    throw forbidden('TLP:RED is never exported: its named recipients read it in the platform only.');
  if (!can.export || !['published', 'retracted'].includes(env.status))
    throw forbidden('Only a published risk information you may export leaves the platform as STIX.');
  const [one] = await riskInformationObjects(db, actor, { ids: [id], limit: 1 });
  return makeBundle(one?.objects ?? []);
}

/**
 * `GET /stix/risk-information`: the published risk information the caller may read (a selection
 * by ids, or all of them up to MAX_BUNDLE_RECORDS, oldest change first) as one bundle; TLP:RED is
 * never in it. Retracted records come as `revoked` objects.
 */
export async function exportRiskInformationSelection(
  db: Database,
  actor: Actor,
  ids: readonly string[] | undefined,
): Promise<Bundle> {
  const records = await riskInformationObjects(db, actor, {
    ...(ids ? { ids } : {}),
    limit: MAX_BUNDLE_RECORDS,
  });
  return makeBundle(records.flatMap((r) => r.objects));
}
