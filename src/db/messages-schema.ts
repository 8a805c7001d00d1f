import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type MessageVersionState = 'draft' | 'submitted' | 'approved' | 'returned';

/** Tables of migration 0048_message_versions (registered in DB through `MessageTables`). */
export interface MessageVersionsTable {
  id: Generated<string>;
  message_id: string;
  language: string;
  title: string;
  body: string;
  translator_id: string;
  reviewer_id: string;
  state: ColumnType<MessageVersionState, MessageVersionState | undefined, MessageVersionState>;
  return_reason: string | null;
  approved_at: NullableTimestamp;
  /** When the version was released to the message's audience (null: not yet). */
  published_at: NullableTimestamp;
  /** Approved after the message's release: published when approved, marked as a late translation. */
  late: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MessageReleasesTable {
  message_id: string;
  embargo_at: Timestamp;
  released_at: Timestamp;
  delay_seconds: number;
}

export interface MessageTables {
  message_versions: MessageVersionsTable;
  message_releases: MessageReleasesTable;
}
