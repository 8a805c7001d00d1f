import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export type CampaignSharing = 'named' | 'aggregate_only' | 'coordinator_only';
export type RespondentUnit = 'administration' | 'person';
export type ResponseStatus = 'draft' | 'validated' | 'reopened';
export type AssignmentRole = 'respondent' | 'validator';

/** Tables of migration 0030_mapping (registered in DB through `MappingTables`). */
export interface MappingQuestionnairesTable {
  id: Generated<string>;
  code: string;
  network_id: string | null;
  title: string;
  created_by: string;
  created_at: Timestamp;
  /** Loaded with the demo data (migration 0059). */
  is_demo: Generated<boolean>;
}

export interface MappingQuestionnaireVersionsTable {
  id: Generated<string>;
  questionnaire_id: string;
  version: string;
  title: string;
  definition: Json<unknown>;
  previous_version_id: string | null;
  comparison: NullableJson<unknown>;
  warnings: Json<unknown[]>;
  file_name: string;
  file_sha256: string;
  created_by: string;
  created_at: Timestamp;
}

export interface MappingCampaignsTable {
  id: Generated<string>;
  questionnaire_version_id: string;
  network_id: string;
  title: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  respondent_unit: RespondentUnit;
  sharing: CampaignSharing;
  target: Json<Record<string, unknown>>;
  reminder_days: ColumnType<number[], number[] | undefined, number[]>;
  created_by: string;
  created_at: Timestamp;
  /** Loaded with the demo data (migration 0059). */
  is_demo: Generated<boolean>;
}

export interface MappingCampaignParticipantsTable {
  campaign_id: string;
  organisation_id: string;
}

export interface MappingAssignmentsTable {
  id: Generated<string>;
  campaign_id: string;
  organisation_id: string;
  user_id: string;
  role: AssignmentRole;
  assigned_by: string;
  created_at: Timestamp;
}

export interface MappingResponsesTable {
  id: Generated<string>;
  campaign_id: string;
  organisation_id: string;
  respondent_user_id: string | null;
  status: Generated<ResponseStatus>;
  answers: Json<Record<string, unknown>>;
  version: Generated<number>;
  last_editor_id: string | null;
  last_edited_at: NullableTimestamp;
  validated_by: string | null;
  validated_at: NullableTimestamp;
  reopen_reason: string | null;
  created_at: Timestamp;
}

export interface MappingResponseVersionsTable {
  response_id: string;
  version: number;
  answers: Json<Record<string, unknown>>;
  edited_by: string;
  edited_at: Timestamp;
}

export interface MappingRemindersSentTable {
  campaign_id: string;
  user_id: string;
  days_before: number;
  closes_at: Timestamp;
  sent_at: Timestamp;
}

/** Migration 0035_mapping_records: a campaign's repeat group → registry kind, and the records its entries became. */
export interface MappingRecordMappingsTable {
  campaign_id: string;
  repeat_code: string;
  kind: string;
  /** question code → field name of the kind */
  fields: Json<Record<string, string>>;
  set_by: string;
  set_at: Timestamp;
}

export interface MappingRecordLinksTable {
  response_id: string;
  repeat_code: string;
  /** the entry's position in the repeat group (from 0) */
  entry: number;
  kind: string;
  record_id: string;
  linked_at: Timestamp;
}

/** Migration 0055_mapping_response_files: files given as answers (an answer holds `{ fileId, name }`). */
export interface MappingResponseFilesTable {
  id: Generated<string>;
  response_id: string;
  question_code: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  created_at: Timestamp;
}

export interface MappingTables {
  mapping_questionnaires: MappingQuestionnairesTable;
  mapping_questionnaire_versions: MappingQuestionnaireVersionsTable;
  mapping_campaigns: MappingCampaignsTable;
  mapping_campaign_participants: MappingCampaignParticipantsTable;
  mapping_assignments: MappingAssignmentsTable;
  mapping_responses: MappingResponsesTable;
  mapping_response_versions: MappingResponseVersionsTable;
  mapping_reminders_sent: MappingRemindersSentTable;
  mapping_record_mappings: MappingRecordMappingsTable;
  mapping_record_links: MappingRecordLinksTable;
  mapping_response_files: MappingResponseFilesTable;
}
