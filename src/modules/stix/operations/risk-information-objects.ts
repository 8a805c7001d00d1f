import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import { registryRecordPolicy } from '../../../access/registry-record-policy.ts';
import { riskInformationFeedbackPolicy } from '../../../access/risk-information-policy.ts';
import { EXPORTABLE } from '../../../access/tlp.ts';
import type { Database } from '../../../db/connection.ts';
import type { Distribution } from '../../../db/schema.ts';
import {
  type FeedbackFacts,
  feedbackToStix,
  type RecordMeta,
  type RiskInformationFields,
  riskInformationPattern,
  riskInformationToStix,
  type StixObject,
} from '../../../engines/stix/index.ts';
import { ENVELOPE_COLUMNS } from '../../../registry/record-queries.ts';

/** One risk information as STIX objects, with when it was last changed (TAXII's date added). */
export interface RecordObjects {
  recordId: string;
  /** The version's time: when this version was added to the platform's collections. */
  addedAt: Date;
  objects: StixObject[];
}

export interface ObjectQuery {
  /** Only these records (a selection). */
  ids?: readonly string[];
  /** Only records changed after this moment (TAXII `added_after`). */
  after?: Date;
  /** Only records of these distributions (a TAXII collection's audience). */
  distributions?: readonly Distribution[];
  limit: number;
}

/**
 * The published (and retracted: `revoked`) risk information the actor may read, only of exportable
 * markings (never TLP:RED),
 * as STIX objects — the records through the registry's readable filter (registryRecordPolicy), the
 * recipients' feedback through riskInformationFeedbackPolicy. Oldest change first.
 */
export async function riskInformationObjects(
  db: Database,
  actor: Actor,
  q: ObjectQuery,
): Promise<RecordObjects[]> {
  let query = db
    .selectFrom('registry_records as r')
    .innerJoin('organisations as o', 'o.id', 'r.owner_org_id')
    .select([
      'r.id',
      'r.version',
      'r.data',
      'r.tlp',
      'r.status',
      'r.language',
      'r.created_at',
      'r.updated_at',
      'r.published_at',
      'o.id as owner_id',
      'o.name as owner_name',
      ...ENVELOPE_COLUMNS,
    ])
    .where('r.kind', '=', 'risk_information')
    .where('r.status', 'in', ['published', 'retracted'])
    .where('r.tlp', 'in', [...EXPORTABLE])
    .where(registryRecordPolicy.readable(actor, 'r'));
  if (q.ids) query = q.ids.length ? query.where('r.id', 'in', [...q.ids]) : query.where(sql<boolean>`false`);
  // >=: timestamps are kept in microseconds, callers compare the millisecond values they were given
  if (q.after) query = query.where('r.updated_at', '>=', q.after);
  if (q.distributions) query = query.where('r.distribution', 'in', [...q.distributions]);
  const rows = await query.orderBy('r.updated_at').orderBy('r.id').limit(q.limit).execute();
  if (rows.length === 0) return [];
  const feedback = await db
    .selectFrom('risk_information_feedback as f')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select([
      'f.record_id',
      'f.feedback_at',
      'f.control_performed',
      'f.result',
      'f.usefulness',
      'f.comment',
      'o.id as org_id',
      'o.name as org_name',
    ])
    .where(
      'f.record_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('f.feedback_at', 'is not', null)
    .where(riskInformationFeedbackPolicy.readable(actor, 'f'))
    .execute();
  return rows.map((r) => {
    const meta: RecordMeta = {
      id: r.id,
      version: r.version,
      createdAt: r.created_at,
      modifiedAt: r.updated_at,
      publishedAt: r.published_at,
      tlp: r.tlp,
      language: r.language,
      retracted: r.status === 'retracted',
      owner: { id: r.owner_id, name: r.owner_name },
    };
    const fields = r.data as unknown as RiskInformationFields;
    const hasIndicator = riskInformationPattern(fields) !== '';
    const objects = riskInformationToStix(meta, fields);
    for (const f of feedback.filter((x) => x.record_id === r.id)) {
      const facts: FeedbackFacts = {
        organisation: { id: f.org_id, name: f.org_name },
        at: f.feedback_at!,
        controlPerformed: f.control_performed!,
        result: f.result,
        usefulness: f.usefulness!,
        comment: f.comment,
      };
      objects.push(...feedbackToStix(meta, facts, hasIndicator));
    }
    return { recordId: r.id, addedAt: r.updated_at, objects };
  });
}
