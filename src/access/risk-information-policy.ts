import { type RawBuilder, sql } from 'kysely';
import type { FeedbackAbilities } from '../contract/risk-information.ts';
import { type Actor, canWrite, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';
import {
  type RecordAbilities,
  type RegistryEnvelope,
  readableRecords,
  recordAbilities,
} from './registry-policy.ts';
import { kindByName } from './shared-kinds.ts';

/**
 * Receipt and feedback on risk information (table `risk_information_feedback`, issue 17). A row
 * belongs to one recipient administration of one risk information record:
 * - it is read by people who may read the record (its registry policy: distribution, TLP:RED's
 *   named recipients, …) AND belong either to the row's administration or to the record's owner
 *   (the author's administration sees every recipient's answer; recipients see only their own);
 * - a recipient administration's writers confirm receipt and send feedback for it (`respond`):
 *   people of another administration than the owner who may read the published record and may
 *   write (not the Commission, not a read-only key).
 */
export interface FeedbackRow {
  id: string;
  organisation_id: string;
  /** The risk information the row is about, with its whole envelope (as the registry loads it). */
  record: RegistryEnvelope;
}

export interface FeedbackRowAbilities {
  read: boolean;
  /** Change the row's feedback (the row's own administration). */
  update: boolean;
}

const KIND = 'risk_information';

function kind() {
  const k = kindByName(KIND);
  if (!k) throw new Error('The registry kind risk_information is not defined.');
  return k;
}

function feedbackAbilities(a: Actor, row: FeedbackRow): FeedbackRowAbilities {
  if (!isUser(a)) return { read: false, update: false };
  const recordRead = recordAbilities(a, row.record, kind()).read;
  const mine = a.orgId === row.organisation_id;
  const read = recordRead && (mine || a.orgId === row.record.owner_org_id);
  return { read, update: read && mine && canWrite(a) && row.record.status === 'published' };
}

/** SQL over `alias` of `risk_information_feedback`: the same rule as `abilities(...).read`. */
function readableFeedback(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isUser(a)) return sql<boolean>`false`;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<boolean>`EXISTS (SELECT 1 FROM registry_records AS rif_rec WHERE rif_rec.id = ${col('record_id')}
    AND rif_rec.kind = ${KIND} AND ${readableRecords(a, kind(), 'rif_rec')}
    AND (rif_rec.owner_org_id = ${a.orgId}::uuid OR ${col('organisation_id')} = ${a.orgId}::uuid))`;
}

/**
 * May the actor confirm receipt of / send feedback on this risk information for their
 * administration? (The record's abilities are the registry policy's for the same actor.)
 */
export function feedbackRecordAbilities(
  a: Actor,
  record: Pick<RegistryEnvelope, 'owner_org_id' | 'status'>,
  can: RecordAbilities,
): FeedbackAbilities {
  return {
    respond:
      isUser(a) &&
      canWrite(a) &&
      can.read &&
      record.status === 'published' &&
      a.orgId !== record.owner_org_id,
  };
}

export const riskInformationFeedbackPolicy = definePolicy<FeedbackRow, FeedbackRowAbilities>({
  resource: 'risk_information_feedback',
  tables: ['risk_information_feedback'],
  abilities: feedbackAbilities,
  readable: readableFeedback,
});
