import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A recipient's adoption of, or control feedback on, a profile recommendation (migration 0078). */
export interface RecommendationResponsesTable {
  id: Generated<string>;
  record_id: string;
  /** The recommendation's owning administration (kept on the row: it never changes). */
  record_owner_org_id: string;
  /** The responding administration. */
  organisation_id: string;
  author_id: string;
  response_type: 'adoption' | 'feedback';
  adoption: 'adopted' | 'adapted' | 'not_adopted' | null;
  reason: string | null;
  /** `date` columns: select them as text (`period_from::text`). */
  period_from: string | null;
  period_to: string | null;
  controls: number | null;
  irregularities: number | null;
  seizures: number | null;
  revenue: number | null;
  not_relevant: Generated<boolean>;
  comment: string | null;
  created_at: Timestamp;
}

export interface RiskSharingTables {
  recommendation_responses: RecommendationResponsesTable;
}
