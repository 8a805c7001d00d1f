import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type JoinRequestStatus = 'pending' | 'approved' | 'declined';

/** Tables of migration 0071_common_initiative_join_requests (registered in DB through `InnovationTables`). */
export interface CommonInitiativeJoinRequestsTable {
  id: Generated<string>;
  record_id: string;
  requested_by: string;
  organisation_id: string;
  /** A code of the list common_initiative_role. */
  role: string;
  message: Generated<string>;
  status: Generated<JoinRequestStatus>;
  created_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note: string | null;
}

export interface InnovationTables {
  common_initiative_join_requests: CommonInitiativeJoinRequestsTable;
}
